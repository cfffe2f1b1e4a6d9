package io.paperboy.mail;

/** Hands mail to an SMTP relay or, with none configured, writes it into the data folder. */
public interface Mailer {
    void send(Mail mail) throws MailException;

    /** Where mail goes, for the start-up message ("smtp://relay:587", "files in data/mail"). */
    String describe();
}
