package dev.toolverdicts.ratelimits;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@link TokenBuckets} for hot paths: instead of one database round trip per request, an instance takes a small
 * batch of tokens (a lease) from the shared bucket in one statement and spends them from memory.
 * <ul>
 * <li><b>Never more than the configured total.</b> A leased token has already been taken from the shared bucket, so
 * N instances together grant at most what the bucket holds, whatever their number or their restarts.</li>
 * <li><b>Spread.</b> Tokens one instance leased and has not spent are not available to the others: at most
 * {@code lease - 1} per bucket and instance, so a client may be refused that many requests early, for at most
 * {@code idleAfter} (then the unused tokens go back to the shared bucket). The lease is a small share of the
 * capacity ({@code leaseShare}, at most {@code maxLease}): a limit of 20 leases one token at a time (every take is a
 * statement), one of 600 leases 30.</li>
 * <li><b>Refusals</b> are remembered until the shared bucket would hold a token again, so a client hammering an
 * empty bucket costs no statement (the only error: another instance handing back tokens early, which makes this
 * instance stricter, never looser).</li>
 * <li><b>Memory</b> holds only leases, each dropped once idle for {@code idleAfter} (its tokens handed back in one
 * batch). Beyond {@code maxLeases} subjects, new ones are served straight from the shared bucket one token per
 * statement: no one's limit is ever reset to make room.</li>
 * </ul>
 */
public final class LeasedTokenBuckets implements AutoCloseable {

    private final TokenBuckets store;
    private final Settings settings;
    private final LongSupplier nanoTime;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    /** How leases are sized and kept. */
    public record Settings(double leaseShare, long maxLease, Duration idleAfter, int maxLeases) {

        public Settings {
            if (leaseShare < 0 || leaseShare > 1 || maxLease < 1 || idleAfter.isNegative() || idleAfter.isZero()
                    || maxLeases < 0) {
                throw new IllegalArgumentException("lease share in [0,1], max lease >= 1, positive idle time");
            }
        }
    }

    public LeasedTokenBuckets(TokenBuckets store, Settings settings) {
        this(store, settings, System::nanoTime, true);
    }

    LeasedTokenBuckets(TokenBuckets store, Settings settings, LongSupplier nanoTime, boolean sweep) {
        this.store = store;
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.sweeper = sweep ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rate-limit-leases");
            thread.setDaemon(true);
            return thread;
        }) : null;
        if (sweeper != null) {
            long every = Math.max(1, settings.idleAfter().toMillis() / 2);
            sweeper.scheduleWithFixedDelay(this::returnIdleLeases, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Takes one token of the bucket {@code name} of {@code subject}: from this instance's lease, or a new lease. */
    public Decision take(String name, String subject, Limit limit) {
        String key = TokenBuckets.key(name, subject);
        long now = nanoTime.getAsLong();
        Lease lease = leases.get(key);
        if (lease != null) {
            Decision local = lease.spend(now);
            if (local != null) {
                return local;
            }
        }
        boolean keep = lease != null || leases.size() < settings.maxLeases();
        Grant grant = store.take(key, limit, keep ? leaseSize(limit) : 1);
        if (grant.taken() == 0) {
            if (keep) {
                keepLease(key, limit, now, 0, now + grant.retryAfter().toNanos());
            }
            return Decision.refused(grant.retryAfter());
        }
        if (keep && grant.taken() > 1) {
            keepLease(key, limit, now, grant.taken() - 1, now);
        }
        return Decision.allowedNow();
    }

    /** The number of subjects this instance holds a lease or a remembered refusal for. */
    public int leases() {
        return leases.size();
    }

    long leaseSize(Limit limit) {
        return Math.max(1, Math.min(settings.maxLease(), (long) Math.floor(limit.capacity() * settings.leaseShare())));
    }

    private void keepLease(String key, Limit limit, long now, long tokens, long refusedUntil) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (leases.computeIfAbsent(key, k -> new Lease(limit, now)).add(tokens, now, refusedUntil)) {
                return;
            }
        }
        if (tokens > 0) {
            store.giveBack(Map.of(key, new TokenBuckets.Returned(limit, tokens)));
        }
    }

    /** Hands the tokens of leases idle for {@code idleAfter} back to the shared buckets and forgets those leases. */
    void returnIdleLeases() {
        long now = nanoTime.getAsLong();
        long idle = settings.idleAfter().toNanos();
        Map<String, TokenBuckets.Returned> returned = new HashMap<>();
        for (Iterator<Map.Entry<String, Lease>> it = leases.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Lease> entry = it.next();
            long unused = entry.getValue().retireIfIdle(now, idle);
            if (unused >= 0) {
                it.remove();
                if (unused > 0) {
                    returned.put(entry.getKey(), new TokenBuckets.Returned(entry.getValue().limit, unused));
                }
            }
        }
        giveBack(returned);
    }

    /** Stops the sweeper and hands every unused leased token back, so a shutdown strands none. */
    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        Map<String, TokenBuckets.Returned> returned = new HashMap<>();
        leases.forEach((key, lease) -> {
            long unused = lease.retire();
            if (unused > 0) {
                returned.put(key, new TokenBuckets.Returned(lease.limit, unused));
            }
        });
        leases.clear();
        giveBack(returned);
    }

    private void giveBack(Map<String, TokenBuckets.Returned> returned) {
        try {
            store.giveBack(returned);
        } catch (RuntimeException unavailable) {
            // the tokens stay taken: the shared bucket refills by itself, this only made the limit stricter for a while
        }
    }

    /** The tokens this instance took for one bucket and has not spent yet, or a remembered refusal. */
    private static final class Lease {
        private final Limit limit;
        private long tokens;
        private long refusedUntil;
        private long lastUsed;
        private boolean retired;

        private Lease(Limit limit, long now) {
            this.limit = limit;
            this.lastUsed = now;
            this.refusedUntil = now;
        }

        /** Allowed (a token spent), refused (still within a remembered refusal), or null: ask the shared bucket. */
        synchronized Decision spend(long now) {
            if (retired) {
                return null;
            }
            lastUsed = now;
            if (tokens > 0) {
                tokens--;
                return Decision.allowedNow();
            }
            if (refusedUntil - now > 0) {
                return Decision.refused(Duration.ofNanos(refusedUntil - now));
            }
            return null;
        }

        synchronized boolean add(long leased, long now, long until) {
            if (retired) {
                return false;
            }
            tokens += leased;
            refusedUntil = until;
            lastUsed = now;
            return true;
        }

        /** The unused tokens if idle (and no refusal still to remember), the lease then dead; -1 if still in use. */
        synchronized long retireIfIdle(long now, long idle) {
            if (now - lastUsed < idle || refusedUntil - now > 0) {
                return -1;
            }
            return retire();
        }

        synchronized long retire() {
            retired = true;
            long unused = tokens;
            tokens = 0;
            return unused;
        }
    }
}
