package io.paperboy.mail;

import java.util.Map;

/**
 * One message to one recipient: a plain-text body, optionally an HTML alternative, and extra
 * headers (List-Unsubscribe, for one). Message-ID and Date are set when it is sent.
 */
public record Mail(String to, String subject, String text, String html, Map<String, String> headers) {
    public Mail {
        headers = Map.copyOf(headers);
    }

    public static Mail text(String to, String subject, String text) {
        return new Mail(to, subject, text, null, Map.of());
    }
}
