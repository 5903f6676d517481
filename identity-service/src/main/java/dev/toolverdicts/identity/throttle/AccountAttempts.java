package dev.toolverdicts.identity.throttle;

import dev.toolverdicts.identity.user.EmailAddresses;
import dev.toolverdicts.ratelimits.Decision;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-account sign-in limits, keyed by the submitted account name whether or not such an account exists (so the
 * answer never tells): every attempt is counted as a failure when it starts, in one atomic upsert that also says
 * whether the account may be tried now; a success deletes the count. After {@code free-failures} failures, attempts
 * must be spaced by a delay that doubles per failure up to {@code max-delay}; after {@code lock-after} the account
 * is locked for {@code lock-for} (a lock is never extended by further attempts, so it always ends).
 */
@Component
public class AccountAttempts {

    private static final String FAILURES = """
            (case when a.last_attempt_at < now() - make_interval(secs => :window) then 1 else a.failures + 1 end)""";
    private static final String ATTEMPT = """
            insert into login_attempt as a (account_key, failures, granted, last_attempt_at, next_allowed_at)
            values (:key, 1, true, now(), now())
            on conflict (account_key) do update set
                granted = a.next_allowed_at <= now() and coalesce(a.locked_until, '-infinity') <= now(),
                failures = %1$s,
                next_allowed_at = now() + make_interval(secs => case when %1$s < :free then 0
                        else least(:maxDelay, power(2, %1$s - :free)) end),
                locked_until = case when a.locked_until > now() then a.locked_until
                        when %1$s >= :lockAfter then now() + make_interval(secs => :lockFor) else null end,
                last_attempt_at = now()
            returning granted, greatest(next_allowed_at, coalesce(locked_until, next_allowed_at)) as retry_at,
                      now() as at""".formatted(FAILURES);

    private final JdbcClient jdbc;
    private final ThrottleProperties.Account limits;

    AccountAttempts(JdbcClient jdbc, ThrottleProperties properties) {
        this.jdbc = jdbc;
        this.limits = properties.account();
    }

    /** Counts an attempt on this account name and says whether it may be checked now. */
    public Decision attempt(String accountName) {
        return jdbc.sql(ATTEMPT)
                .param("key", EmailAddresses.normalize(accountName))
                .param("window", (double) limits.window().toSeconds())
                .param("free", limits.freeFailures())
                .param("maxDelay", (double) limits.maxDelay().toSeconds())
                .param("lockAfter", limits.lockAfter())
                .param("lockFor", (double) limits.lockFor().toSeconds())
                .query((rs, row) -> {
                    if (rs.getBoolean("granted")) {
                        return Decision.allowedNow();
                    }
                    Instant retryAt = rs.getTimestamp("retry_at").toInstant();
                    Instant at = rs.getTimestamp("at").toInstant();
                    return Decision.refused(Duration.between(at, retryAt));
                })
                .single();
    }

    /** The attempt succeeded: the account starts afresh. */
    public void succeeded(String accountName) {
        jdbc.sql("delete from login_attempt where account_key = ?").param(EmailAddresses.normalize(accountName))
                .update();
    }

    /** Counts untouched for a day have expired ({@code window} is shorter): dropping them changes no decision. */
    @Scheduled(fixedDelayString = "${identity.throttle.cleanup-every:1h}")
    void dropIdleAttempts() {
        jdbc.sql("delete from login_attempt where last_attempt_at < now() - interval '1 day'").update();
    }
}
