package io.paperboy.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Sends through an SMTP relay with Jakarta Mail (Eclipse Angus), with timeouts on every step. */
public final class SmtpMailer implements Mailer {
    private static final String TIMEOUT_MS = "20000";

    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings), authenticator(settings));
        this.from = address(settings.from());
    }

    @Override
    public void send(Mail mail) throws MailException {
        try {
            Transport.send(MimeMessages.compose(session, from, mail));
        } catch (SMTPSendFailedException e) {
            throw new MailException(
                    "the relay refused the mail to " + mail.to() + ": "
                            + e.getMessage().strip(),
                    e.getReturnCode() >= 500,
                    e);
        } catch (SendFailedException e) {
            throw new MailException(
                    "the relay refused the mail to " + mail.to() + ": "
                            + e.getMessage().strip(),
                    permanent(e),
                    e);
        } catch (AddressException e) {
            throw new MailException("not a mail address: " + mail.to(), true, e);
        } catch (MessagingException e) {
            throw new MailException("cannot reach the mail relay " + describe() + ": " + e.getMessage(), false, e);
        }
    }

    @Override
    public String describe() {
        return (settings.security() == SmtpSettings.Security.SMTPS ? "smtps://" : "smtp://") + settings.host() + ":"
                + settings.port();
    }

    private static boolean permanent(SendFailedException e) {
        Exception next = e.getNextException();
        return next instanceof SMTPAddressFailedException failed && failed.getReturnCode() >= 500;
    }

    private static Properties properties(SmtpSettings s) {
        String protocol = s.security() == SmtpSettings.Security.SMTPS ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail.from", s.from());
        p.put("mail." + protocol + ".host", s.host());
        p.put("mail." + protocol + ".port", Integer.toString(s.port()));
        p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".auth", Boolean.toString(s.user() != null));
        if (s.security() == SmtpSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (s.security() != SmtpSettings.Security.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return p;
    }

    private static Authenticator authenticator(SmtpSettings s) {
        if (s.user() == null) {
            return null;
        }
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(s.user(), s.password());
            }
        };
    }

    static InternetAddress address(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("the sender address '" + from + "' is not a mail address", e);
        }
    }
}
