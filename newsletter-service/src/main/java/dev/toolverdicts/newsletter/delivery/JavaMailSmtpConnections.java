package dev.toolverdicts.newsletter.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * SMTP connections from Boot's {@code spring.mail.*} settings, kept open for a whole batch: one handshake per batch
 * instead of one per mail, which is what makes batch size matter for throughput.
 */
@Component
class JavaMailSmtpConnections implements SmtpConnections {

    private final JavaMailSenderImpl mail;

    JavaMailSmtpConnections(JavaMailSenderImpl mail) {
        this.mail = mail;
        // setting the properties again drops a session made before, so every session has the factory
        Properties properties = mail.getJavaMailProperties();
        properties.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        mail.setJavaMailProperties(properties);
    }

    @Override
    public SmtpConnection open() throws MessagingException {
        Session session = mail.getSession();
        Transport transport = session.getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
        transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
        return new SmtpConnection() {
            @Override
            public Session session() {
                return session;
            }

            @Override
            public void send(MimeMessage message) throws MessagingException {
                transport.sendMessage(message, message.getAllRecipients());
            }

            @Override
            public void close() {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the connection is being dropped either way
                }
            }
        };
    }
}
