package dev.toolverdicts.newsletter.subscription;

import dev.toolverdicts.problem.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The opt-in: subscribing (new, pending, returning or already confirmed addresses alike, as far as the caller can
 * tell), confirming with the signed link, and unsubscribing with the signed link.
 */
@Service
class SubscriptionService {

    private final SubscriberRepository subscribers;
    private final SubscriptionTokens tokens;
    private final ConfirmationMailer mailer;
    private final SubscriptionProperties properties;
    private final Clock clock;

    SubscriptionService(SubscriberRepository subscribers, SubscriptionTokens tokens, ConfirmationMailer mailer,
            SubscriptionProperties properties, Clock clock) {
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts the opt-in for this address unless it is confirmed already or had a link moments ago. */
    @Transactional
    void subscribe(String email) {
        Instant now = clock.instant();
        Subscriber subscriber = subscribers.lockOrCreate(email.trim().toLowerCase(Locale.ROOT), now);
        if (!needsConfirmationMail(subscriber, now)) {
            return;
        }
        subscribers.confirmationSent(subscriber.id(), now);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                mailer.sendLater(subscriber.id(), subscriber.email());
            }
        });
    }

    /** Confirms the address the link names; following the link twice is fine. */
    @Transactional
    SubscriberStatus confirm(String token) {
        UUID id = tokens.verify(token, SubscriptionTokens.Purpose.CONFIRM);
        if (subscribers.confirm(id, clock.instant())) {
            return SubscriberStatus.CONFIRMED;
        }
        SubscriberStatus status = subscribers.find(id).map(Subscriber::status).orElse(null);
        if (status != SubscriberStatus.CONFIRMED) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, SubscriptionTokens.FIELD,
                    "is no longer valid; subscribe again for a new link");
        }
        return status;
    }

    /** Unsubscribes the address the link names; idempotent, and silent about addresses that no longer exist. */
    @Transactional
    SubscriberStatus unsubscribe(String token) {
        UUID id = tokens.verify(token, SubscriptionTokens.Purpose.UNSUBSCRIBE);
        subscribers.unsubscribe(id, clock.instant());
        return SubscriberStatus.UNSUBSCRIBED;
    }

    /** Checks an unsubscribe link without using it (what a browser sees before pressing the button). */
    void checkUnsubscribeLink(String token) {
        tokens.verify(token, SubscriptionTokens.Purpose.UNSUBSCRIBE);
    }

    private boolean needsConfirmationMail(Subscriber subscriber, Instant now) {
        return switch (subscriber.status()) {
            case CONFIRMED -> false;
            case UNSUBSCRIBED -> true;
            case PENDING -> subscriber.confirmationSentAt() == null
                    || subscriber.confirmationSentAt().plus(properties.resendConfirmationAfter()).isBefore(now);
        };
    }
}
