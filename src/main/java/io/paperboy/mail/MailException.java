package io.paperboy.mail;

/**
 * A message that could not be handed over. {@code permanent} means the relay refused it for good
 * (an SMTP 5xx reply: bad address, policy); otherwise trying again later may work.
 */
public final class MailException extends Exception {
    private final boolean permanent;

    public MailException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
