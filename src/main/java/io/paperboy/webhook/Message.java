package io.paperboy.webhook;

import java.util.Map;

/**
 * One HTTP request to a destination, built but not sent.
 *
 * @param method POST for webhooks, PUT for Matrix (whose transaction id in the URL makes a repeat harmless)
 * @param deliveryId the same on every attempt of one delivery (Standard Webhooks' {@code webhook-id}, Matrix's txnId)
 */
public record Message(String method, String url, byte[] body, Map<String, String> headers, String deliveryId) {
    public Message {
        headers = Map.copyOf(headers);
    }
}
