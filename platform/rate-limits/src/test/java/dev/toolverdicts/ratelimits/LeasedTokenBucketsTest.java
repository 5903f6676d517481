package dev.toolverdicts.ratelimits;

import static dev.toolverdicts.ratelimits.TokenBucketsTest.concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Leases on real PostgreSQL: two leasing instances on one bucket grant exactly its capacity between them; refusals
 * and spent leases cost no statement; idle and closed leases hand their unused tokens back; a flood of subjects
 * beyond the lease table never resets a refused one.
 */
class LeasedTokenBucketsTest {

    private static final BucketDatabase DB = new BucketDatabase("LeasedTokenBucketsTest");
    private static final Limit HUNDRED_A_DAY = new Limit(100, Duration.ofDays(1));
    private static final LeasedTokenBuckets.Settings TENTHS =
            new LeasedTokenBuckets.Settings(0.1, 50, Duration.ofSeconds(2), 1000);

    private final AtomicLong clock = new AtomicLong();
    private final CountingBuckets store = new CountingBuckets();

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void twoInstancesWithFourThreadsEachGrantExactlyTheCapacityBetweenThem() throws Exception {
        LeasedTokenBuckets first = leased(TENTHS);
        LeasedTokenBuckets second = leased(TENTHS);
        AtomicInteger turn = new AtomicInteger();

        long granted = concurrently(8, 100, () -> (turn.getAndIncrement() % 2 == 0 ? first : second)
                .take("burst", "198.51.100.1", HUNDRED_A_DAY).allowed());

        assertThat(granted).isEqualTo(100);
        assertThat(DB.tokens("burst:198.51.100.1")).isLessThan(1);
        assertThat(store.takes.get()).as("leases of 10, refusals remembered").isLessThan(100);
    }

    @Test
    void aLeaseIsSpentFromMemoryAndARefusalIsRememberedUntilTheNextToken() {
        LeasedTokenBuckets leased = leased(TENTHS);
        Limit twenty = new Limit(20, Duration.ofDays(1));
        for (int i = 0; i < 20; i++) {
            assertThat(leased.take("quiet", "a", twenty).allowed()).isTrue();
        }
        assertThat(store.takes.get()).as("20 tokens in leases of 2").isEqualTo(10);
        Decision refused = leased.take("quiet", "a", twenty);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive();
        for (int i = 0; i < 50; i++) {
            assertThat(leased.take("quiet", "a", twenty).allowed()).isFalse();
        }
        assertThat(store.takes.get()).as("the refusal is remembered").isEqualTo(11);
    }

    @Test
    void anIdleLeaseAndAClosedOneHandTheirUnusedTokensBack() {
        LeasedTokenBuckets leased = leased(TENTHS);
        assertThat(leased.take("idle", "a", HUNDRED_A_DAY).allowed()).isTrue();
        assertThat(DB.tokens("idle:a")).isEqualTo(90);

        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        leased.returnIdleLeases();
        assertThat(DB.tokens("idle:a")).as("not idle long enough yet").isEqualTo(90);
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        leased.returnIdleLeases();
        assertThat(DB.tokens("idle:a")).isEqualTo(99);
        assertThat(leased.leases()).isZero();

        assertThat(leased.take("idle", "b", HUNDRED_A_DAY).allowed()).isTrue();
        leased.close();
        assertThat(DB.tokens("idle:b")).isEqualTo(99);
    }

    @Test
    void subjectsBeyondTheLeaseTableAreServedByTheStoreAndResetNoOne() {
        LeasedTokenBuckets leased = leased(new LeasedTokenBuckets.Settings(0.5, 50, Duration.ofMinutes(10), 10));
        Limit four = new Limit(4, Duration.ofDays(1));
        for (int i = 0; i < 4; i++) {
            assertThat(leased.take("flood", "victim", four).allowed()).isTrue();
        }
        assertThat(leased.take("flood", "victim", four).allowed()).isFalse();

        for (int i = 0; i < 100; i++) {
            assertThat(leased.take("flood", "2001:db8:" + Integer.toHexString(i) + "::/64", four).allowed()).isTrue();
        }

        assertThat(leased.leases()).isLessThanOrEqualTo(10);
        assertThat(leased.take("flood", "victim", four).allowed()).isFalse();
        assertThat(DB.tokens("flood:2001:db8:63::/64")).as("an unleased subject took one token").isEqualTo(3);
    }

    @Test
    void leasesAreAShareOfTheCapacityAtLeastOneAtMostTheMaximum() {
        LeasedTokenBuckets leased = leased(new LeasedTokenBuckets.Settings(0.05, 30, Duration.ofSeconds(2), 10));
        assertThat(leased.leaseSize(new Limit(20, Duration.ofMinutes(1)))).isEqualTo(1);
        assertThat(leased.leaseSize(new Limit(60, Duration.ofMinutes(1)))).isEqualTo(3);
        assertThat(leased.leaseSize(new Limit(100_000, Duration.ofMinutes(1)))).isEqualTo(30);
    }

    private LeasedTokenBuckets leased(LeasedTokenBuckets.Settings settings) {
        return new LeasedTokenBuckets(store, settings, clock::get, false);
    }

    /** The real store, counting the take statements it runs. */
    private static final class CountingBuckets extends TokenBuckets {
        private final AtomicInteger takes = new AtomicInteger();

        CountingBuckets() {
            super(DB.jdbc);
        }

        @Override
        public Grant take(String key, Limit limit, long wanted) {
            takes.incrementAndGet();
            return super.take(key, limit, wanted);
        }
    }
}
