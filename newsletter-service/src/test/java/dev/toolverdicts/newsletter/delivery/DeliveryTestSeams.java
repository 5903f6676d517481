package dev.toolverdicts.newsletter.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test seams of the sender: delivery rows that "kill" the run after N mails, and an SMTP server in front of GreenMail
 * that answers 451 twice to {@code flaky-*} addresses and 550 to {@code bounce-*} addresses.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DeliveryTestSeams {

    /** How many more mails the run sends before the simulated crash; zero or less means it never crashes. */
    public static final AtomicInteger MAILS_BEFORE_CRASH = new AtomicInteger(-1);

    private static final int TRANSIENT_FAILURES = 2;
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    /** What the crashing delivery rows throw: the run stops dead between two mails, as a killed process would. */
    public static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash of the issue sender");
        }
    }

    /**
     * The delivery rows, with the crash: once the N-th mail is recorded as sent (and committed), the sender's next
     * step fails, so the run stops dead right after that mail, before it touches another row.
     */
    @Bean
    @Primary
    DeliveryRepository crashingDeliveries(JdbcClient jdbc) {
        return new DeliveryRepository(jdbc) {

            private final AtomicBoolean crashDue = new AtomicBoolean();

            @Override
            void sent(String isoWeek, Delivery delivery, UUID run, Instant now) {
                super.sent(isoWeek, delivery, run, now);
                if (MAILS_BEFORE_CRASH.get() > 0 && MAILS_BEFORE_CRASH.decrementAndGet() == 0) {
                    crashDue.set(true);
                }
            }

            @Override
            boolean startSending(String isoWeek, Delivery delivery, UUID run) {
                crashIfDue();
                return super.startSending(isoWeek, delivery, run);
            }

            @Override
            void skipUnsubscribed(String isoWeek) {
                crashIfDue();
                super.skipUnsubscribed(isoWeek);
            }

            private void crashIfDue() {
                if (crashDue.getAndSet(false)) {
                    throw new SimulatedCrash();
                }
            }
        };
    }

    @Bean
    @Primary
    SmtpConnections unreliableSmtp(JavaMailSmtpConnections real) {
        return () -> {
            SmtpConnection connection = real.open();
            return new SmtpConnection() {
                @Override
                public Session session() {
                    return connection.session();
                }

                @Override
                public void send(MimeMessage message) throws MessagingException {
                    String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
                    if (to.startsWith("bounce-")) {
                        throw new SMTPAddressFailedException(new InternetAddress(to), "RCPT TO", 550,
                                "550 5.1.1 no such mailbox");
                    }
                    if (to.startsWith("flaky-")
                            && FAILURES.computeIfAbsent(to, key -> new AtomicInteger()).incrementAndGet()
                            <= TRANSIENT_FAILURES) {
                        throw new SMTPSendFailedException("DATA", 451, "451 4.3.0 try again later", null,
                                new Address[0], new Address[0], new Address[0]);
                    }
                    connection.send(message);
                }

                @Override
                public void close() {
                    connection.close();
                }
            };
        };
    }
}
