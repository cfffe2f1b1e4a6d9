package io.paperboy.mcp;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.paperboy.json.Json;
import io.paperboy.user.AuthFilter;
import io.paperboy.web.Member;
import io.paperboy.web.Visitor;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@code POST /mcp}: the Model Context Protocol's streamable HTTP transport, stateless (each POST
 * carries one JSON-RPC message and gets one JSON answer; no session, no server-sent stream), so any
 * node behind a load balancer answers any call. The SDK's stateless server does the protocol
 * (initialize, tools/list, tools/call); this class adapts it to a Javalin route, so the request
 * passes the same filters as every other route: an API token is resolved (an unknown one is a 401)
 * before the tools see it.
 *
 * <p>Who a call acts for comes only from {@code Authorization: Bearer}, never from the session cookie,
 * so another site cannot drive the write tools through a visitor's browser; cross-site browser
 * requests are refused outright (the protocol asks servers to check Origin against DNS rebinding).
 */
public final class McpRoutes implements McpStatelessServerTransport {
    public static final String PATH = "/mcp";
    private static final Logger LOG = LoggerFactory.getLogger(McpRoutes.class);
    private static final String CALLER = "paperboy.caller";
    private static final String INSTRUCTIONS = "Paperboy is a research papers site: daily featured papers "
            + "ranked by members' upvotes, search over every known paper, and papers similar to one. Read tools "
            + "work without a token; upvote_paper, save_paper and for_you act for the member whose API token "
            + "the client sends.";

    private final McpJsonMapper json = new JacksonMcpJsonMapper(Json.mapper());
    private final McpStatelessSyncServer server;
    private volatile McpStatelessServerHandler handler;

    public McpRoutes(ReadTools read, MemberTools member) {
        List<SyncToolSpecification> tools = Stream.concat(read.tools().stream(), member.tools().stream())
                .map(this::specification)
                .toList();
        this.server = McpServer.sync(this)
                .serverInfo("paperboy", version())
                .instructions(INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(json)
                .validateToolInputs(false) // ToolArguments says what is wrong in the tool's own words
                .immediateExecution(true) // run on the request's (virtual) thread
                .tools(tools)
                .build();
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        this.handler = handler;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    public void receive(Context ctx) throws IOException {
        refuseCrossSite(ctx);
        String accept = ctx.header("Accept");
        if (accept != null && !accept.contains("application/json") && !accept.contains("*/*")) {
            throw new HttpResponseException(
                    HttpStatus.NOT_ACCEPTABLE.getCode(),
                    "an MCP client must accept application/json (and may accept text/event-stream)");
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, ctx.body());
        } catch (IOException | IllegalArgumentException e) {
            // JSON-RPC's answer to a message it cannot read: id null, code -32700.
            ctx.status(HttpStatus.BAD_REQUEST)
                    .json(new Unreadable(
                            McpSchema.JSONRPC_VERSION,
                            null,
                            new Unreadable.Error(
                                    McpSchema.ErrorCodes.PARSE_ERROR,
                                    "the body is not one JSON-RPC 2.0 message: " + firstLine(e.getMessage()))));
            return;
        }
        McpTransportContext context =
                McpTransportContext.create(Map.of(CALLER, new McpTool.Caller(member(ctx), ctx.ip())));
        ctx.header("Cache-Control", "no-store");
        if (message instanceof McpSchema.JSONRPCRequest request) {
            McpSchema.JSONRPCResponse response =
                    handler.handleRequest(context, request).block();
            ctx.contentType("application/json").result(json.writeValueAsString(response));
        } else {
            if (message instanceof McpSchema.JSONRPCNotification notification) {
                handler.handleNotification(context, notification).block();
            }
            ctx.status(HttpStatus.ACCEPTED); // a notification or a response: nothing to answer
        }
    }

    /** The member the call's API token names; a session cookie names nobody here. */
    private static Member member(Context ctx) {
        return AuthFilter.bearer(ctx) == null ? null : Visitor.of(ctx).member();
    }

    private static void refuseCrossSite(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        boolean crossSite =
                fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none");
        String origin = ctx.header("Origin");
        if (crossSite || (origin != null && !origin.equals("null") && !sameHost(origin, ctx.host()))) {
            throw new HttpResponseException(
                    HttpStatus.FORBIDDEN.getCode(),
                    "cross-site request refused: MCP clients " + "call " + PATH
                            + " directly, not from another site's pages");
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static void noStream(Context ctx) {
        ctx.header("Allow", "POST");
        throw new HttpResponseException(
                HttpStatus.METHOD_NOT_ALLOWED.getCode(),
                "this MCP endpoint is stateless: POST each JSON-RPC message; it opens no event stream");
    }

    private SyncToolSpecification specification(McpTool tool) {
        McpSchema.Tool described = McpSchema.Tool.builder()
                .name(tool.name())
                .title(tool.title())
                .description(tool.description())
                .inputSchema(new McpSchema.JsonSchema("object", tool.arguments(), tool.required(), false, null, null))
                .annotations(new McpSchema.ToolAnnotations(tool.title(), tool.readOnly(), false, true, false, null))
                .build();
        return new SyncToolSpecification(described, (context, request) -> call(tool, context, request));
    }

    private static CallToolResult call(McpTool tool, McpTransportContext context, CallToolRequest request) {
        try {
            String text =
                    tool.handler().call(new ToolArguments(request.arguments()), (McpTool.Caller) context.get(CALLER));
            return CallToolResult.builder().addTextContent(text).isError(false).build();
        } catch (ToolError e) {
            return failed(e.getMessage());
        } catch (HttpResponseException e) {
            return failed(e.getMessage()); // a guard or a throttle of the feature called
        } catch (RuntimeException e) {
            LOG.error("mcp: tool {} failed", tool.name(), e);
            return failed("internal error in " + tool.name() + "; the server log has the details");
        }
    }

    private static CallToolResult failed(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static String firstLine(String message) {
        String text =
                message == null ? "malformed" : message.lines().findFirst().orElse("malformed");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** JSON-RPC's answer to a message it cannot read: {@code {"jsonrpc": "2.0", "id": null, "error": {code, message}}}. */
    record Unreadable(String jsonrpc, Object id, Error error) {
        record Error(int code, String message) {}
    }

    private static String version() {
        String version = McpRoutes.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
