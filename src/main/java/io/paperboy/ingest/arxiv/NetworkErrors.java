package io.paperboy.ingest.arxiv;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * A failed exchange in words a member or an operator can read, never a Java class name: these
 * texts end up on the submit page and in the harvest status ("connection refused", not
 * "java.net.ConnectException"). The exception itself still goes to the log as the cause.
 */
final class NetworkErrors {
    // "java.net.ConnectException: " or "javax.net.ssl.SSLHandshakeException" inside a JDK message.
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");

    private NetworkErrors() {}

    static String describe(Throwable e) {
        return switch (e) {
            case ConnectException c -> "connection refused";
            case NoRouteToHostException n -> "no route to the host";
            case UnknownHostException u -> u.getMessage() == null ? "unknown host" : "unknown host " + u.getMessage();
            case HttpConnectTimeoutException t -> "no connection in time";
            case SSLException s -> "the secure connection failed";
            case EOFException eof -> "the connection closed before the answer";
            case ClosedChannelException closed -> "the connection closed before the answer";
            default -> withoutClassNames(e.getMessage());
        };
    }

    /** {@code message} without the Java class names a JDK or library put in it; "network error" if nothing is left. */
    static String withoutClassNames(String message) {
        String text = message == null
                ? ""
                : CLASS_NAME.matcher(message).replaceAll("").strip();
        return text.isEmpty() ? "network error" : text;
    }
}
