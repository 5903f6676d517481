package dev.toolverdicts.newsletter;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what GreenMail received: the plain-text and HTML parts, headers, and links in the text. */
public final class Mails {

    private Mails() {
    }

    public static String text(MimeMessage message) throws MessagingException, IOException {
        return part(message, "text/plain");
    }

    public static String html(MimeMessage message) throws MessagingException, IOException {
        return part(message, "text/html");
    }

    public static String header(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, ",");
    }

    public static String to(MimeMessage message) throws MessagingException {
        return message.getAllRecipients()[0].toString();
    }

    /** The first link in {@code text} whose path contains {@code pathPart}. */
    public static String link(String text, String pathPart) {
        Matcher matcher = Pattern.compile("https?://[^\\s\"<>]*" + Pattern.quote(pathPart) + "[^\\s\"<>]*")
                .matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no link with " + pathPart + " in:\n" + text);
        }
        return matcher.group();
    }

    /** The URL inside the angle brackets of a {@code List-Unsubscribe} header. */
    public static String listUnsubscribeUrl(MimeMessage message) throws MessagingException {
        String header = header(message, "List-Unsubscribe");
        return header.substring(header.indexOf('<') + 1, header.indexOf('>'));
    }

    private static String part(MimeMessage message, String type) throws MessagingException, IOException {
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
