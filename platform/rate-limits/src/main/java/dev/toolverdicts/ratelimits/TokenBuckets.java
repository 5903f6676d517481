package dev.toolverdicts.ratelimits;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token buckets in PostgreSQL (table {@code rate_limit_bucket}), so every instance of a service enforces the same
 * limit and a restart forgets nothing. One {@code INSERT ... ON CONFLICT DO UPDATE} refills a bucket for the time
 * passed, takes what it holds up to the number asked for and answers how many it took, under the row's lock: however
 * many instances and threads take at once, no more than the bucket holds is ever granted. Each row also records when
 * the bucket will be full again, so {@link #dropFullBuckets()} deletes exactly the rows that no longer matter.
 */
public class TokenBuckets {

    /** The bucket's tokens after refilling for the time since its last take, never above its capacity. */
    private static final String REFILLED =
            "least(:capacity, b.tokens + greatest(0, extract(epoch from now() - b.updated_at)) * :rate)";
    private static final String TAKEN = "least(:wanted, floor(" + REFILLED + "))";
    private static final String TAKE = """
            insert into rate_limit_bucket as b (bucket_key, tokens, taken, updated_at, full_at)
            values (:key, :capacity - least(:wanted, :capacity), least(:wanted, :capacity), now(),
                    now() + make_interval(secs => least(:wanted, :capacity) / :rate))
            on conflict (bucket_key) do update set
                taken = %2$s,
                tokens = %1$s - %2$s,
                updated_at = greatest(b.updated_at, now()),
                full_at = greatest(b.updated_at, now()) + make_interval(secs => (:capacity - (%1$s - %2$s)) / :rate)
            returning taken, tokens""".formatted(REFILLED, TAKEN);
    private static final String GIVE_BACK =
            "update rate_limit_bucket set tokens = least(?, tokens + ?) where bucket_key = ?";

    private final JdbcOperations jdbcOperations;
    private final JdbcClient jdbc;

    public TokenBuckets(JdbcOperations jdbcOperations) {
        this.jdbcOperations = jdbcOperations;
        this.jdbc = JdbcClient.create(jdbcOperations);
    }

    /** Takes one token from the bucket {@code name} of {@code subject} (e.g. "login-address" of an address), if it holds one. */
    public Decision take(String name, String subject, Limit limit) {
        Grant grant = take(key(name, subject), limit, 1);
        return grant.taken() > 0 ? Decision.allowedNow() : Decision.refused(grant.retryAfter());
    }

    /** Takes up to {@code wanted} tokens from the bucket {@code key}: as many as it holds, at most {@code wanted}. */
    public Grant take(String key, Limit limit, long wanted) {
        if (wanted < 1) {
            throw new IllegalArgumentException("take at least one token");
        }
        double rate = limit.tokensPerSecond();
        return jdbc.sql(TAKE)
                .param("key", key)
                .param("capacity", (double) limit.capacity())
                .param("rate", rate)
                .param("wanted", (double) wanted)
                .query((rs, row) -> {
                    long taken = rs.getLong("taken");
                    Duration wait = taken > 0 ? Duration.ZERO
                            : Duration.ofNanos((long) Math.ceil((1 - rs.getDouble("tokens")) / rate * 1e9));
                    return new Grant(taken, wait);
                })
                .single();
    }

    /** Puts a token back (the action turned out to be legitimate, e.g. a successful sign-in). */
    public void giveBack(String name, String subject, Limit limit) {
        giveBack(Map.of(key(name, subject), new Returned(limit, 1)));
    }

    /** Puts tokens taken but not used back into their buckets, in one batch; a bucket is never filled past its capacity. */
    public void giveBack(Map<String, Returned> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        List<Object[]> rows = tokens.entrySet().stream()
                .map(e -> new Object[] {(double) e.getValue().limit().capacity(), (double) e.getValue().tokens(),
                        e.getKey()})
                .toList();
        jdbcOperations.batchUpdate(GIVE_BACK, rows);
    }

    /** Deletes the buckets that have refilled to full: a missing bucket is a full one, so no decision changes. */
    public int dropFullBuckets() {
        return jdbc.sql("delete from rate_limit_bucket where full_at < now()").update();
    }

    /** The row key of bucket {@code name} of {@code subject}. */
    public static String key(String name, String subject) {
        return name + ":" + subject;
    }

    /** Tokens going back to a bucket of this limit. */
    public record Returned(Limit limit, long tokens) {
    }
}
