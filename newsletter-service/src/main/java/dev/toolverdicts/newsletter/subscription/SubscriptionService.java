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
 * tell; limited per client address and per mailbox), confirming with the signed link (by POST: opening it changes
 * nothing, since mail scanners prefetch links), and unsubscribing with the signed link.
 */
@Service
class SubscriptionService {

    private final SubscriberRepository subscribers;
    private final SubscriptionTokens tokens;
    private final ConfirmationMailer mailer;
    private final SubscriptionProperties properties;
    private final Clock clock;
    private final SubscribeLimits limits;

    SubscriptionService(SubscriberRepository subscribers, SubscriptionTokens tokens, ConfirmationMailer mailer,
            SubscriptionProperties properties, Clock clock, SubscribeLimits limits) {
        this.limits = limits;
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts the opt-in for this address unless it is confirmed already or had a link moments ago.
     *
     * @throws SubscribeThrottled if the client address or the mailbox is out of sign-ups (nothing changed)
     */
    @Transactional
    void subscribe(String email, String remoteAddress) {
        Instant now = clock.instant();
        String mailbox = email.trim().toLowerCase(Locale.ROOT);
        limits.overLimit(remoteAddress, mailbox).ifPresent(wait -> {
            throw new SubscribeThrottled(wait);
        });
        Subscriber subscriber = subscribers.lockOrCreate(mailbox, now);
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

    /** Checks a confirmation link without using it (what opening the link shows: a page with a button). */
    void checkConfirmLink(String token) {
        tokens.verify(token, SubscriptionTokens.Purpose.CONFIRM);
    }

    /** Confirms the address the link names (the POST from the link's page); confirming twice is fine. */
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
