package io.paperboy.mcp;

/**
 * What a tool call answers when it cannot do what was asked (a bad argument, an unknown paper, a
 * missing token): the message becomes the tool's error result, which the assistant reads and can act on.
 */
final class ToolError extends RuntimeException {
    ToolError(String message) {
        super(message, null, false, false);
    }
}
