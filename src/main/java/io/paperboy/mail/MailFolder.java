package io.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * With no relay configured, each mail becomes an .eml file in a folder (any mail client opens
 * one), so a laptop instance can sign up and reset passwords without an SMTP server.
 */
public final class MailFolder implements Mailer {
    private final Path dir;
    private final Session session = Session.getInstance(new Properties());
    private final InternetAddress from;

    public MailFolder(Path dir, String from) {
        this.dir = dir;
        this.from = SmtpMailer.address(from);
    }

    @Override
    public void send(Mail mail) throws MailException {
        String name = Instant.now().toString().replace(':', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve(name + ".eml");
        Path partial = dir.resolve(name + ".eml.part");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(partial)) {
                MimeMessages.compose(session, from, mail).writeTo(out);
            }
            // Whole files only: a reader never sees half a message.
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (MessagingException e) {
            throw new MailException("cannot compose the mail to " + mail.to() + ": " + e.getMessage(), true, e);
        } catch (IOException e) {
            throw new MailException("cannot write " + file + ": " + e.getMessage(), false, e);
        }
    }

    @Override
    public String describe() {
        return ".eml files in " + dir;
    }
}
