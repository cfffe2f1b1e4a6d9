package io.paperboy.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperboy.mail.Mailer;
import io.paperboy.mail.SmtpMailer;
import io.paperboy.mail.SmtpSettings;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on a free loopback port, and what tests read from its mailboxes. */
public final class MailServer implements AutoCloseable {
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private final GreenMail greenMail;

    public MailServer() {
        this(0);
    }

    /** On {@code port} (0: a free one), e.g. the port of a server stopped before, to play a relay that comes back. */
    public MailServer(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Plain SMTP to this server, as a deployment would talk to its relay. */
    public Mailer mailer() {
        return new SmtpMailer(new SmtpSettings(
                "127.0.0.1", port(), SmtpSettings.Security.NONE, null, null, "Paperboy <paperboy@test.invalid>"));
    }

    public List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** Every message to {@code address}, oldest first. */
    public List<MimeMessage> to(String address) {
        return received().stream().filter(m -> addressedTo(m, address)).toList();
    }

    /** Waits for the newest message to {@code address} whose subject contains {@code subject}. */
    public MimeMessage await(String address, String subject) throws Exception {
        MimeMessage found = Poll.until(
                Duration.ofSeconds(10),
                () -> to(address).stream()
                        .filter(m -> subjectOf(m).contains(subject))
                        .reduce((first, second) -> second)
                        .orElse(null),
                m -> m != null);
        if (found == null) {
            throw new AssertionError("no mail to " + address + " about '" + subject + "' within 10 s");
        }
        return found;
    }

    /** The first link in the mail's plain-text part. */
    public static String link(MimeMessage message) {
        Matcher m = LINK.matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("no link in the mail: " + text(message));
        }
        return m.group();
    }

    public static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = text(multipart.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new AssertionError("unreadable mail", e);
        }
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean addressedTo(MimeMessage m, String address) {
        try {
            Address[] to = m.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
