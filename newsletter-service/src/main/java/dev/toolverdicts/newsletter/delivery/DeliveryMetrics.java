package dev.toolverdicts.newsletter.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** The sender's meters: mails sent, mails failed (permanent or after retries), time per mail and per issue run. */
@Component
class DeliveryMetrics {

    final Counter sent;
    final Counter failedPermanent;
    final Counter failedTransient;
    final Counter retried;
    final Timer mail;
    final Timer run;

    DeliveryMetrics(MeterRegistry meters) {
        this.sent = Counter.builder("newsletter.mails.sent").description("Digest mails the SMTP server accepted")
                .register(meters);
        this.failedPermanent = failed(meters, "permanent");
        this.failedTransient = failed(meters, "transient");
        this.retried = Counter.builder("newsletter.mails.retried")
                .description("SMTP attempts repeated after a transient failure").register(meters);
        this.mail = Timer.builder("newsletter.mail.send.duration")
                .description("One digest mail handed to SMTP, retries included").register(meters);
        this.run = Timer.builder("newsletter.issue.send.duration")
                .description("One run of the issue sender, from first claim to last delivery").register(meters);
    }

    private static Counter failed(MeterRegistry meters, String kind) {
        return Counter.builder("newsletter.mails.failed")
                .description("Digest mails given up on: rejected for good, or still failing after the retries")
                .tag("kind", kind)
                .register(meters);
    }
}
