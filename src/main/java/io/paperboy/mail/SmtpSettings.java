package io.paperboy.mail;

/**
 * An SMTP relay: {@code security} is STARTTLS (upgrade on port 587), SMTPS (TLS from the first
 * byte, port 465) or NONE (plain, for a relay on localhost); user and password may be null.
 */
public record SmtpSettings(String host, int port, Security security, String user, String password, String from) {
    public enum Security {
        STARTTLS,
        SMTPS,
        NONE
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SMTP host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be 1-65535, not " + port);
        }
    }

    /** Never the password: settings end up in log lines and error messages. */
    @Override
    public String toString() {
        return "SmtpSettings[" + security + " " + (user == null ? "" : user + "@") + host + ":" + port + ", password "
                + (password == null ? "none" : "(hidden)") + ", from " + from + "]";
    }
}
