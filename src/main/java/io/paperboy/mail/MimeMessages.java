package io.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

/** Builds the MIME message for a {@link Mail}: text alone, or multipart/alternative with HTML. */
final class MimeMessages {
    private MimeMessages() {}

    static MimeMessage compose(Session session, InternetAddress from, Mail mail) throws MessagingException {
        MimeMessage message = new KeepingMessageId(session);
        message.setFrom(from);
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        if (mail.html() == null) {
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            // Clients show the last alternative they understand: plain text first, HTML last.
            message.setContent(new MimeMultipart("alternative", text, html));
        }
        // Computes the transfer encodings, and a Message-ID unless the mail brings its own.
        message.saveChanges();
        return message;
    }

    /**
     * Keeps a Message-ID given in the mail's headers (a digest's is fixed per subscriber and
     * period, so a resend after a crash can be recognised); Jakarta Mail would replace it.
     */
    private static final class KeepingMessageId extends MimeMessage {
        KeepingMessageId(Session session) {
            super(session);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
