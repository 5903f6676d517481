package dev.toolverdicts.newsletter.delivery;

import dev.toolverdicts.newsletter.SiteLinks;
import dev.toolverdicts.newsletter.mail.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends an issue to its recipients in batches: claim a batch of PENDING rows, open one SMTP connection, and for
 * each row commit SENDING, hand the mail to SMTP, commit SENT.
 * <p>
 * At the SMTP boundary this is at-most-once. A run that dies between the server's acceptance and the SENT commit
 * leaves one row in SENDING; the next run marks it IN_DOUBT and never mails it again. The alternative,
 * at-least-once, would resend it and mail that reader twice. The doubt is bounded to the mail in flight per run
 * (rows merely CLAIMED were never handed to SMTP and go back to PENDING), counted in the report and in
 * {@code newsletter.issue.v1}.
 */
@Service
public class IssueSender {

    private static final Logger log = LoggerFactory.getLogger(IssueSender.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final DeliveryRepository deliveries;
    private final SmtpConnections smtp;
    private final SiteLinks links;
    private final DeliveryProperties properties;
    private final DeliveryMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IssueSender(DeliveryRepository deliveries, SmtpConnections smtp, SiteLinks links, DeliveryProperties properties,
            DeliveryMetrics metrics, PlatformTransactionManager transactionManager, Clock clock) {
        this.deliveries = deliveries;
        this.smtp = smtp;
        this.links = links;
        this.properties = properties;
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Fixes the recipient list of a newly opened issue, in the caller's transaction. Returns how many. */
    public int enqueueRecipients(String isoWeek) {
        return deliveries.enqueueConfirmedSubscribers(isoWeek);
    }

    /**
     * Sends every open delivery of the issue. The caller must hold the job's lock: rows other runs left behind are
     * taken over as abandoned.
     */
    public DeliveryReport send(IssueMail issue, Function<UUID, String> unsubscribeUrl) {
        UUID run = UUID.randomUUID();
        return metrics.run.record(() -> {
            transactions.executeWithoutResult(tx -> deliveries.recoverAbandoned(issue.isoWeek(), run));
            while (true) {
                transactions.executeWithoutResult(tx -> deliveries.skipUnsubscribed(issue.isoWeek()));
                List<Delivery> batch = transactions.execute(
                        tx -> deliveries.claim(issue.isoWeek(), run, properties.batchSize(), clock.instant()));
                if (batch == null || batch.isEmpty()) {
                    return deliveries.report(issue.isoWeek());
                }
                sendBatch(issue, batch, run, unsubscribeUrl);
            }
        });
    }

    private void sendBatch(IssueMail issue, List<Delivery> batch, UUID run, Function<UUID, String> unsubscribeUrl) {
        Connection connection = new Connection();
        try {
            for (Delivery delivery : batch) {
                Boolean mine = transactions.execute(tx -> deliveries.startSending(issue.isoWeek(), delivery, run));
                if (!Boolean.TRUE.equals(mine)) {
                    continue;
                }
                OutgoingMail mail = mailFor(issue, delivery, unsubscribeUrl.apply(delivery.subscriberId()));
                Outcome outcome = metrics.mail.record(() -> sendWithRetries(connection, mail));
                if (outcome.error() == null) {
                    transactions.executeWithoutResult(
                            tx -> deliveries.sent(issue.isoWeek(), delivery, run, clock.instant()));
                    metrics.sent.increment();
                } else {
                    transactions.executeWithoutResult(tx -> deliveries.failed(issue.isoWeek(), delivery, run,
                            outcome.attempts(), outcome.error()));
                    (outcome.permanent() ? metrics.failedPermanent : metrics.failedTransient).increment();
                    log.warn("issue {}: mail to subscriber {} failed after {} attempt(s): {}", issue.isoWeek(),
                            delivery.subscriberId(), outcome.attempts(), outcome.error());
                }
            }
        } finally {
            connection.close();
        }
    }

    private record Outcome(int attempts, boolean permanent, String error) {
    }

    private Outcome sendWithRetries(Connection connection, OutgoingMail mail) {
        Duration backoff = properties.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                SmtpConnection open = connection.get();
                MimeMessage message = mail.toMimeMessage(open.session(), links);
                open.send(message);
                return new Outcome(attempt, false, null);
            } catch (MessagingException | RuntimeException failure) {
                boolean permanent = failure instanceof MessagingException messaging
                        && SmtpFailures.isPermanent(messaging);
                if (permanent || attempt >= properties.maxAttempts()) {
                    return new Outcome(attempt, permanent, describe(failure));
                }
                connection.close();
                metrics.retried.increment();
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
            }
        }
    }

    private static OutgoingMail mailFor(IssueMail issue, Delivery delivery, String unsubscribeUrl) {
        return new OutgoingMail(delivery.email(), issue.subject(),
                issue.text().replace(issue.unsubscribePlaceholder(), unsubscribeUrl),
                issue.html().replace(issue.unsubscribePlaceholder(), unsubscribeUrl),
                unsubscribeUrl);
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off from SMTP", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String describe(Exception failure) {
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    /** The batch's SMTP connection, opened on first use and again after a transient failure dropped it. */
    private final class Connection {

        private SmtpConnection open;

        SmtpConnection get() throws MessagingException {
            if (open == null) {
                open = smtp.open();
            }
            return open;
        }

        void close() {
            if (open != null) {
                open.close();
                open = null;
            }
        }
    }
}
