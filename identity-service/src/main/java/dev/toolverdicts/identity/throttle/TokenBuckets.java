package dev.toolverdicts.identity.throttle;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets in PostgreSQL, so every instance enforces the same limit: one {@code INSERT ... ON CONFLICT DO
 * UPDATE} refills the bucket for the time passed, takes a token if there is one and says whether it did, under the
 * row's lock, so concurrent requests on any instance can never take more than the bucket holds.
 */
@Component
public class TokenBuckets {

    private static final String TAKE = """
            insert into throttle_bucket as b (bucket_key, tokens, granted, updated_at)
            values (:key, :capacity - 1, true, now())
            on conflict (bucket_key) do update set
                granted = least(:capacity, b.tokens + extract(epoch from now() - b.updated_at) * :rate) >= 1,
                tokens = least(:capacity, b.tokens + extract(epoch from now() - b.updated_at) * :rate)
                         - case when least(:capacity, b.tokens + extract(epoch from now() - b.updated_at) * :rate) >= 1
                                then 1 else 0 end,
                updated_at = now()
            returning granted, tokens""";

    private final JdbcClient jdbc;

    TokenBuckets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes one token from the bucket {@code name} of {@code subject}, if it holds one. */
    public Decision take(String name, String subject, Limit limit) {
        double rate = limit.tokensPerSecond();
        return jdbc.sql(TAKE)
                .param("key", name + ":" + subject)
                .param("capacity", (double) limit.capacity())
                .param("rate", rate)
                .query((rs, row) -> rs.getBoolean("granted") ? Decision.ALLOWED
                        : new Decision(false, Duration.ofMillis((long) Math.ceil((1 - rs.getDouble("tokens")) / rate
                                * 1000))))
                .single();
    }

    /** Puts a token back (the action turned out to be legitimate, e.g. a successful sign-in). */
    public void giveBack(String name, String subject, Limit limit) {
        jdbc.sql("update throttle_bucket set tokens = least(:capacity, tokens + 1) where bucket_key = :key")
                .param("key", name + ":" + subject).param("capacity", (double) limit.capacity()).update();
    }

    /** Buckets untouched for a day are full again: dropping them changes no decision. */
    @Scheduled(fixedDelayString = "${identity.throttle.cleanup-every:1h}")
    void dropIdleBuckets() {
        jdbc.sql("delete from throttle_bucket where updated_at < now() - interval '1 day'").update();
        jdbc.sql("delete from login_attempt where last_attempt_at < now() - interval '1 day'").update();
    }
}
