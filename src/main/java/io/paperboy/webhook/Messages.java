package io.paperboy.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperboy.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each service's own message for an event: Standard Webhooks JSON for generic receivers, Slack
 * Block Kit, Discord embeds, Mattermost message attachments, a Matrix {@code m.room.message} with
 * HTML. Every paper says why it is there. Limits are the services' documented ones (Slack: header
 * text 150 characters, section text 3,000, 50 blocks; Discord: 10 embeds, title 256, description
 * 4,096, field value 1,024, content 2,000, 6,000 characters across embeds), enforced here by
 * cutting text, so a long title never makes a receiver refuse the whole message.
 */
public final class Messages {
    /** Papers per message: Discord's 10 embeds; the rest are counted in a closing line. */
    public static final int MAX_ITEMS = 10;

    static final int SUMMARY_CHARS = 280;
    private static final ObjectMapper JSON = Json.mapper();
    private static final String COLOR = "#ff9d00";

    private Messages() {}

    /** The request that delivers {@code event} to {@code d}, for the attempt made at {@code now}. */
    public static Message build(Destination d, String deliveryId, WebhookEvent event, Instant now) {
        return switch (d.kind()) {
            case GENERIC -> generic(d, deliveryId, event, now);
            case SLACK -> post(d, deliveryId, slack(event));
            case DISCORD -> post(d, deliveryId, discord(event));
            case MATTERMOST -> post(d, deliveryId, mattermost(event));
            case MATRIX -> matrix(d, deliveryId, event);
        };
    }

    private static Message post(Destination d, String deliveryId, ObjectNode body) {
        return new Message("POST", d.url(), bytes(body), Map.of(), deliveryId);
    }

    /** {@code {type, timestamp, data: {title, items}}}, the Standard Webhooks payload shape, signed. */
    static Message generic(Destination d, String deliveryId, WebhookEvent event, Instant now) {
        byte[] bytes = Json.bytes(new StandardPayload(
                event.type(),
                now.toString(),
                new StandardPayload.Data(
                        event.title(),
                        event.items().stream()
                                .map(i -> new StandardPayload.Item(
                                        i.id(),
                                        i.title(),
                                        i.authors(),
                                        i.summary(),
                                        i.url(),
                                        i.arxivUrl(),
                                        i.codeUrl(),
                                        i.votes(),
                                        i.reason()))
                                .toList())));
        long seconds = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", deliveryId);
        headers.put("webhook-timestamp", Long.toString(seconds));
        headers.put("webhook-signature", new WebhookSignature(d.secret()).sign(deliveryId, seconds, bytes));
        return new Message("POST", d.url(), bytes, headers, deliveryId);
    }

    /** A header block, then one mrkdwn section per paper (title linked, authors, summary, why). */
    static ObjectNode slack(WebhookEvent event) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", cut(event.title(), 3000));
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(event.title(), 150));
        for (WebhookEvent.Item i : shown(event)) {
            String text =
                    "*<" + i.url() + "|" + slackEscape(i.title()).replace("|", "¦") + ">*\n" + slackEscape(i.authors())
                            + "\n" + slackEscape(cut(i.summary(), SUMMARY_CHARS)) + "\n_" + slackEscape(why(i)) + "_";
            blocks.addObject()
                    .put("type", "section")
                    .putObject("text")
                    .put("type", "mrkdwn")
                    .put("text", cut(text, 3000));
        }
        more(event)
                .ifPresent(line -> blocks.addObject()
                        .put("type", "context")
                        .putArray("elements")
                        .addObject()
                        .put("type", "mrkdwn")
                        .put("text", slackEscape(line)));
        return body;
    }

    /** The heading as content, one embed per paper (linked title, authors and summary, a "Why" field). */
    static ObjectNode discord(WebhookEvent event) {
        ObjectNode body = JSON.createObjectNode();
        body.put(
                "content",
                cut(event.title(), 1900) + more(event).map(l -> "\n" + l).orElse(""));
        // Paper titles are outside text: they must not ping @everyone or a role.
        body.putObject("allowed_mentions").putArray("parse");
        ArrayNode embeds = body.putArray("embeds");
        // 6,000 characters across all embeds: each of at most 10 gets a tenth.
        int budget = 6000 / MAX_ITEMS;
        for (WebhookEvent.Item i : shown(event)) {
            String title = cut(i.title(), 200);
            String why = cut(why(i), 120);
            String description = cut(i.authors() + "\n" + i.summary(), budget - title.length() - why.length() - 10);
            ObjectNode embed = embeds.addObject();
            embed.put("title", title);
            embed.put("url", i.url());
            embed.put("description", description);
            embed.put("color", Integer.parseInt(COLOR.substring(1), 16));
            embed.putArray("fields")
                    .addObject()
                    .put("name", "Why")
                    .put("value", why)
                    .put("inline", false);
        }
        return body;
    }

    /** The heading as text, one attachment per paper (fallback, linked title, Markdown text, a "Why" field). */
    static ObjectNode mattermost(WebhookEvent event) {
        ObjectNode body = JSON.createObjectNode();
        body.put(
                "text", "#### " + event.title() + more(event).map(l -> "\n" + l).orElse(""));
        ArrayNode attachments = body.putArray("attachments");
        for (WebhookEvent.Item i : shown(event)) {
            ObjectNode a = attachments.addObject();
            a.put("fallback", i.title() + " – " + i.url());
            a.put("color", COLOR);
            a.put("title", i.title());
            a.put("title_link", i.url());
            a.put("text", i.authors() + "\n" + cut(i.summary(), SUMMARY_CHARS));
            a.putArray("fields")
                    .addObject()
                    .put("short", false)
                    .put("title", "Why")
                    .put("value", why(i));
        }
        return body;
    }

    /** A notice ({@code m.notice}: from a bot, clients do not answer it) with a plain body and an HTML one. */
    static Message matrix(Destination d, String deliveryId, WebhookEvent event) {
        StringBuilder plain = new StringBuilder(event.title()).append('\n');
        StringBuilder html =
                new StringBuilder("<h4>").append(html(event.title())).append("</h4><ol>");
        for (WebhookEvent.Item i : shown(event)) {
            plain.append("\n• ")
                    .append(i.title())
                    .append(" – ")
                    .append(i.url())
                    .append("\n  ")
                    .append(i.authors())
                    .append("\n  ")
                    .append(why(i));
            html.append("<li><a href=\"")
                    .append(html(i.url()))
                    .append("\">")
                    .append(html(i.title()))
                    .append("</a><br>")
                    .append(html(i.authors()))
                    .append("<br><em>")
                    .append(html(why(i)))
                    .append("</em></li>");
        }
        html.append("</ol>");
        more(event).ifPresent(line -> {
            plain.append("\n\n").append(line);
            html.append("<p>").append(html(line)).append("</p>");
        });
        ObjectNode body = JSON.createObjectNode();
        body.put("msgtype", "m.notice");
        body.put("body", plain.toString());
        body.put("format", "org.matrix.custom.html");
        body.put("formatted_body", html.toString());
        // PUT …/send/m.room.message/{txnId}: the homeserver keeps one event per transaction id.
        String url = d.url() + "/" + URLEncoder.encode(deliveryId, StandardCharsets.UTF_8);
        return new Message("PUT", url, bytes(body), Map.of("Authorization", "Bearer " + d.secret()), deliveryId);
    }

    private static List<WebhookEvent.Item> shown(WebhookEvent event) {
        return event.items().subList(0, Math.min(MAX_ITEMS, event.items().size()));
    }

    private static java.util.Optional<String> more(WebhookEvent event) {
        int more = event.items().size() - MAX_ITEMS;
        return more > 0 ? java.util.Optional.of("… and " + more + " more on the site.") : java.util.Optional.empty();
    }

    static String why(WebhookEvent.Item i) {
        return i.reason() == null ? "" : i.reason();
    }

    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    // Slack's mrkdwn: &, < and > are control characters and must be escaped (Slack's "formatting" docs).
    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("webhooks: cannot write a message as JSON", e);
        }
    }
}
