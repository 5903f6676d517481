package dev.toolverdicts.newsletter.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The sender's SMTP sockets have Nagle's algorithm off (each mail waited ~44 ms for a delayed ACK with it on). */
class SmtpSocketsTest {

    @Test
    void everySessionTheSenderOpensMakesSocketsWithoutNagle() throws Exception {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.getSession(); // a session made before the sender is set up must not keep the default sockets
        new JavaMailSmtpConnections(mail);

        Object factory = mail.getSession().getProperties().get("mail.smtp.socketFactory");

        assertThat(factory).isInstanceOf(SocketFactory.class);
        try (Socket socket = ((SocketFactory) factory).createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
