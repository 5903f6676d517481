package dev.toolverdicts.newsletter.subscription;

import dev.toolverdicts.newsletter.SiteLinks;
import dev.toolverdicts.newsletter.mail.MailTemplates;
import dev.toolverdicts.newsletter.mail.OutgoingMail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends the confirmation mail off the request thread, so that subscribing answers at once and in the same time
 * whether the address is new, pending or confirmed (no enumeration by timing). A lost mail is harmless: the
 * address stays pending, and subscribing again sends another link.
 */
@Component
class ConfirmationMailer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationMailer.class);

    private final JavaMailSenderImpl mail;
    private final MailTemplates templates;
    private final SubscriptionTokens tokens;
    private final SiteLinks links;
    private final TokenProperties tokenProperties;
    private final Counter sent;
    private final Counter failed;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    ConfirmationMailer(JavaMailSenderImpl mail, MailTemplates templates, SubscriptionTokens tokens, SiteLinks links,
            TokenProperties tokenProperties, MeterRegistry meters) {
        this.mail = mail;
        this.templates = templates;
        this.tokens = tokens;
        this.links = links;
        this.tokenProperties = tokenProperties;
        this.sent = mails(meters, "sent");
        this.failed = mails(meters, "failed");
    }

    void sendLater(UUID subscriberId, String email) {
        executor.execute(() -> send(subscriberId, email));
    }

    private void send(UUID subscriberId, String email) {
        String unsubscribeUrl = links.unsubscribe(tokens.unsubscribe(subscriberId));
        Map<String, Object> model = Map.of(
                "confirmUrl", links.confirm(tokens.confirmation(subscriberId)),
                "unsubscribeUrl", unsubscribeUrl,
                "validHours", tokenProperties.confirmTtl().toHours(),
                "siteUrl", links.siteUrl());
        OutgoingMail outgoing = new OutgoingMail(email, "Confirm your Tool Verdicts subscription",
                templates.text("mail/confirm", model), templates.html("mail/confirm", model), unsubscribeUrl);
        try {
            mail.send(outgoing.toMimeMessage(mail.getSession(), links));
            sent.increment();
        } catch (Exception e) {
            failed.increment();
            log.warn("confirmation mail to subscriber {} failed: {}", subscriberId, e.toString());
        }
    }

    private static Counter mails(MeterRegistry meters, String outcome) {
        return Counter.builder("newsletter.confirmation.mails")
                .description("Confirmation mails, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public void destroy() {
        executor.close();
    }
}
