package io.paperboy.webhook;

import java.util.Locale;

/** Which service a destination is, and so which message format it gets. */
public enum Kind {
    /** Any receiver: JSON signed in the Standard Webhooks format. */
    GENERIC("Webhook (signed JSON)"),
    /** A Slack incoming webhook: Block Kit. */
    SLACK("Slack"),
    /** A Discord channel webhook: embeds. */
    DISCORD("Discord"),
    /** A Mattermost incoming webhook: message attachments. */
    MATTERMOST("Mattermost"),
    /** A Matrix room, through the client-server API's send endpoint with an access token: m.room.message with HTML. */
    MATRIX("Matrix");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stored and submitted name: {@code generic}, {@code slack}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code key}; says which exist otherwise. */
    public static Kind of(String key) {
        for (Kind k : values()) {
            if (k.key().equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("must be one of: generic, slack, discord, mattermost, matrix");
    }
}
