package dev.toolverdicts.newsletter.subscription;

import dev.toolverdicts.newsletter.SiteLinks;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The signed unsubscribe link of a subscriber, for the mails other features send. */
@Component
public class UnsubscribeLinks {

    private final SubscriptionTokens tokens;
    private final SiteLinks links;

    UnsubscribeLinks(SubscriptionTokens tokens, SiteLinks links) {
        this.tokens = tokens;
        this.links = links;
    }

    public String of(UUID subscriberId) {
        return links.unsubscribe(tokens.unsubscribe(subscriberId));
    }
}
