package dev.toolverdicts.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The shared store on real PostgreSQL: what one atomic statement per take grants, under concurrency too. */
class TokenBucketsTest {

    private static final BucketDatabase DB = new BucketDatabase("TokenBucketsTest");
    private static final Limit HUNDRED_A_DAY = new Limit(100, Duration.ofDays(1));

    private final TokenBuckets buckets = new TokenBuckets(DB.jdbc);

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void eightThreadsTakingAtOnceNeverGetMoreThanTheCapacity() throws Exception {
        long granted = concurrently(8, 60, () -> buckets.take("burst", "203.0.113.7", HUNDRED_A_DAY).allowed());
        assertThat(granted).isEqualTo(100);
        assertThat(DB.tokens("burst:203.0.113.7")).isLessThan(1);
    }

    @Test
    void batchesAreGrantedInPartUpToWhatTheBucketHoldsThenRefusedWithTheTimeToTheNextToken() {
        Limit tenAnHour = new Limit(10, Duration.ofHours(1));
        assertThat(buckets.take("lease:a", tenAnHour, 7).taken()).isEqualTo(7);
        assertThat(buckets.take("lease:a", tenAnHour, 7).taken()).isEqualTo(3);
        Grant refused = buckets.take("lease:a", tenAnHour, 7);
        assertThat(refused.taken()).isZero();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(6));
        assertThat(buckets.take("lease:b", tenAnHour, 50).taken()).as("never more than the capacity at once")
                .isEqualTo(10);
    }

    @Test
    void aBucketRefillsForTheTimePassedUpToItsCapacity() {
        Limit tenAnHour = new Limit(10, Duration.ofHours(1));
        assertThat(buckets.take("refill:a", tenAnHour, 10).taken()).isEqualTo(10);
        DB.jdbc.update("update rate_limit_bucket set updated_at = updated_at - interval '30 minutes' where bucket_key = ?",
                "refill:a");
        assertThat(buckets.take("refill:a", tenAnHour, 10).taken()).isEqualTo(5);
        DB.jdbc.update("update rate_limit_bucket set updated_at = updated_at - interval '5 hours' where bucket_key = ?",
                "refill:a");
        assertThat(buckets.take("refill:a", tenAnHour, 100).taken()).isEqualTo(10);
    }

    @Test
    void givenBackTokensCanBeTakenAgainButNeverFillPastTheCapacity() {
        Limit two = new Limit(2, Duration.ofDays(1));
        assertThat(buckets.take("back", "x", two).allowed()).isTrue();
        assertThat(buckets.take("back", "x", two).allowed()).isTrue();
        assertThat(buckets.take("back", "x", two).allowed()).isFalse();
        buckets.giveBack("back", "x", two);
        assertThat(buckets.take("back", "x", two).allowed()).isTrue();
        buckets.giveBack(Map.of("back:x", new TokenBuckets.Returned(two, 50)));
        assertThat(DB.tokens("back:x")).isEqualTo(2);
    }

    @Test
    void onlyBucketsThatHaveRefilledToFullAreDropped() {
        Limit tenAnHour = new Limit(10, Duration.ofHours(1));
        buckets.take("cleanup", "refilled", tenAnHour);
        buckets.take("cleanup", "still-short", tenAnHour);
        DB.jdbc.update("""
                update rate_limit_bucket set updated_at = updated_at - interval '2 hours',
                    full_at = full_at - interval '2 hours' where bucket_key = 'cleanup:refilled'""");

        buckets.dropFullBuckets();

        assertThat(DB.jdbc.queryForList("select bucket_key from rate_limit_bucket where bucket_key like 'cleanup:%'",
                String.class)).containsExactly("cleanup:still-short");
    }

    /** Runs {@code attempts} calls on each of {@code threads} threads at once; answers how many returned true. */
    static long concurrently(int threads, int attempts, Callable<Boolean> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    long granted = 0;
                    for (int i = 0; i < attempts; i++) {
                        if (call.call()) {
                            granted++;
                        }
                    }
                    return granted;
                }));
            }
            long total = 0;
            for (Future<Long> result : results) {
                total += result.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
