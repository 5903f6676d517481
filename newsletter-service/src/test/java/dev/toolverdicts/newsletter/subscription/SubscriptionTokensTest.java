package dev.toolverdicts.newsletter.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolverdicts.newsletter.MutableClock;
import dev.toolverdicts.problem.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The signed links: only ours, only for their purpose, and confirmation links only until they expire. */
class SubscriptionTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-07T09:00:00Z"));
    private final SubscriptionTokens tokens = new SubscriptionTokens(
            new TokenProperties("a-test-secret-that-is-long-enough-0123456789", Duration.ofHours(48)), clock);

    @Test
    void aTokenNamesItsSubscriber() {
        UUID id = UUID.randomUUID();
        assertThat(tokens.verify(tokens.confirmation(id), SubscriptionTokens.Purpose.CONFIRM)).isEqualTo(id);
        assertThat(tokens.verify(tokens.unsubscribe(id), SubscriptionTokens.Purpose.UNSUBSCRIBE)).isEqualTo(id);
    }

    @Test
    void aTokenOfOnePurposeDoesNotServeTheOther() {
        String unsubscribe = tokens.unsubscribe(UUID.randomUUID());
        assertThatThrownBy(() -> tokens.verify(unsubscribe, SubscriptionTokens.Purpose.CONFIRM))
                .isInstanceOf(FieldProblem.class);
    }

    @Test
    void aTamperedOrForeignTokenIsRejected() {
        String token = tokens.confirmation(UUID.randomUUID());
        String otherSubscriber = tokens.confirmation(UUID.randomUUID());
        String spliced = otherSubscriber.substring(0, otherSubscriber.indexOf('.')) + token.substring(token.indexOf('.'));
        var foreign = new SubscriptionTokens(
                new TokenProperties("another-secret-that-is-long-enough-0123456789", Duration.ofHours(48)), clock);
        for (String bad : new String[] {spliced, foreign.confirmation(UUID.randomUUID()), "no-dot", "a.b.c", "!!.!!"}) {
            assertThatThrownBy(() -> tokens.verify(bad, SubscriptionTokens.Purpose.CONFIRM)).as(bad)
                    .isInstanceOf(FieldProblem.class);
        }
    }

    @Test
    void confirmationLinksExpireUnsubscribeLinksDoNot() {
        UUID id = UUID.randomUUID();
        String confirm = tokens.confirmation(id);
        String unsubscribe = tokens.unsubscribe(id);
        clock.advance(Duration.ofDays(400));
        assertThatThrownBy(() -> tokens.verify(confirm, SubscriptionTokens.Purpose.CONFIRM))
                .isInstanceOf(FieldProblem.class).hasMessageContaining("expired");
        assertThat(tokens.verify(unsubscribe, SubscriptionTokens.Purpose.UNSUBSCRIBE)).isEqualTo(id);
    }
}
