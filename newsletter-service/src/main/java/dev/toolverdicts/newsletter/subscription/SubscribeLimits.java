package dev.toolverdicts.newsletter.subscription;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How often the sign-up box may be used, per client address (an IPv6 client by its /64) and per target mailbox, in
 * token buckets in PostgreSQL so every instance counts together: one atomic upsert refills a bucket for the time
 * passed and takes a token if there is one. The mailbox is charged only when the address may subscribe.
 */
@Component
class SubscribeLimits {

    private static final String TAKE = """
            insert into subscribe_bucket as b (bucket_key, tokens, granted, updated_at)
            values (:key, :capacity - 1, true, now())
            on conflict (bucket_key) do update set
                granted = least(:capacity, b.tokens + extract(epoch from now() - b.updated_at) * :rate) >= 1,
                tokens = least(:capacity, b.tokens + extract(epoch from now() - b.updated_at) * :rate)
                         - case when least(:capacity, b.tokens + extract(epoch from now() - b.updated_at) * :rate) >= 1
                                then 1 else 0 end,
                updated_at = now()
            returning granted, tokens""";

    private final JdbcClient jdbc;
    private final SubscriptionProperties properties;

    SubscribeLimits(JdbcClient jdbc, SubscriptionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** How long to wait if this sign-up is over a limit; empty if it may go ahead. */
    Optional<Duration> overLimit(String remoteAddress, String mailbox) {
        Optional<Duration> address = take("address:" + addressSubject(remoteAddress), properties.perAddress());
        return address.isPresent() ? address : take("mailbox:" + mailbox, properties.perMailbox());
    }

    private Optional<Duration> take(String key, SubscriptionProperties.Limit limit) {
        double rate = limit.capacity() / (limit.period().toMillis() / 1000.0);
        return jdbc.sql(TAKE).param("key", key).param("capacity", (double) limit.capacity()).param("rate", rate)
                .query((rs, row) -> rs.getBoolean("granted") ? Optional.<Duration>empty()
                        : Optional.of(Duration.ofMillis((long) Math.ceil((1 - rs.getDouble("tokens")) / rate * 1000))))
                .single();
    }

    /** Buckets idle longer than their longest period are full again: dropping them changes nothing. */
    @Scheduled(fixedDelayString = "PT1H")
    void dropIdleBuckets() {
        Duration longest = properties.perAddress().period().compareTo(properties.perMailbox().period()) > 0
                ? properties.perAddress().period() : properties.perMailbox().period();
        jdbc.sql("delete from subscribe_bucket where updated_at < now() - make_interval(secs => ?)")
                .param((double) longest.toSeconds()).update();
    }

    static String addressSubject(String remoteAddress) {
        if (remoteAddress == null || !remoteAddress.contains(":")) {
            return String.valueOf(remoteAddress);
        }
        try {
            InetAddress address = InetAddress.getByName(remoteAddress.replaceAll("^\\[|]$", ""));
            if (address instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return remoteAddress;
        }
    }
}
