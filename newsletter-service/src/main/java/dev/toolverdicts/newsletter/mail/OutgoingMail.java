package dev.toolverdicts.newsletter.mail;

import dev.toolverdicts.newsletter.SiteLinks;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;

/**
 * One mail to one subscriber as a plain {@code multipart/alternative} (text first, HTML last, as clients prefer the
 * last part they can show), with the RFC 2369 {@code List-Unsubscribe} link and the RFC 8058
 * {@code List-Unsubscribe-Post} one-click header on every mail.
 */
public record OutgoingMail(String to, String subject, String text, String html, String unsubscribeUrl) {

    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    /** A MIME message in {@code session}, ready for SMTP. */
    public MimeMessage toMimeMessage(Session session, SiteLinks links) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(links.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, UTF_8);
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, UTF_8, "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, UTF_8, "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(textPart);
        alternatives.addBodyPart(htmlPart);
        message.setContent(alternatives);
        message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        message.setHeader("List-Unsubscribe-Post", ONE_CLICK);
        message.saveChanges();
        return message;
    }
}
