package dev.toolverdicts.newsletter.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** One open SMTP connection, reused for a batch; {@link #send} returns once the server accepted the mail. */
interface SmtpConnection extends AutoCloseable {

    Session session();

    void send(MimeMessage message) throws MessagingException;

    @Override
    void close();
}
