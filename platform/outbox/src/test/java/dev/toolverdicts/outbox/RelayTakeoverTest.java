package dev.toolverdicts.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of a service on one database, the first a real process ({@link RelayProcess}) whose relay holds
 * the relay lock in the middle of a batch (its Kafka does not answer, so its send waits), the second this test's
 * context with the default poll interval (200 ms). While the first holds the lock the second claims nothing. Once the
 * first is killed with SIGKILL, PostgreSQL sees its connection close, ends its session and frees the lock and the
 * rows; once it is frozen (SIGSTOP: its connection stays open, as with a lost node or a stuck process), PostgreSQL
 * ends the session when the batch has been idle for {@code outbox.batch-idle-timeout}. Either way the second
 * instance then publishes every row once, in order per key. Prints how long that took after the kill or freeze, per
 * round: the takeover figures of deploy/SCALING.md ("What runs once").
 */
@SpringBootTest(properties = "outbox.poll-interval=200ms")
@WithPostgres
@WithKafka
@DirtiesContext
class RelayTakeoverTest {

    private static final int ROUNDS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long RELAY_LOCK_HIGH = OutboxRepository.RELAY_LOCK >>> 32;
    private static final long RELAY_LOCK_LOW = OutboxRepository.RELAY_LOCK & 0xffffffffL;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxBatchPublisher publisher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @Value("${spring.datasource.password:}")
    String databasePassword;

    /** How the first instance stops answering. */
    private enum Death {
        /** SIGKILL: the process is gone, the kernel closes its sockets. */
        KILLED("KILL"),
        /** SIGSTOP: the process stays, its sockets stay open, nothing is sent on them any more. */
        FROZEN("STOP");

        final String signal;

        Death(String signal) {
            this.signal = signal;
        }
    }

    @Test
    void whenTheInstanceHoldingTheRelayLockIsKilledTheOtherPublishesItsRowsOnceInOrder() throws Exception {
        List<String> figures = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            figures.add("round " + round + ": " + oneRound(round, Death.KILLED, Duration.ofSeconds(60)));
        }
        figures.forEach(figure -> System.out.println("relay takeover after SIGKILL of the lock holder, " + figure));
    }

    @Test
    void whenTheInstanceHoldingTheRelayLockFreezesItsBatchIsEndedAfterTheIdleTimeoutAndTheOtherTakesOver()
            throws Exception {
        String figure = oneRound(ROUNDS + 1, Death.FROZEN, Duration.ofSeconds(3));
        System.out.println("relay takeover after SIGSTOP of the lock holder (batch-idle-timeout 3 s), " + figure);
    }

    private String oneRound(int round, Death death, Duration firstsIdleTimeout) throws Exception {
        String topic = "takeover-" + UUID.randomUUID();
        // the topic exists and this instance's producer knows it, as in production: no auto-creation in the figure
        UUID warmUp = inTransaction(() -> outbox.append(TestEvent.on(topic), TestEvent.of("warm-up", 1)));
        await().atMost(TIMEOUT).until(() -> unpublished(List.of(warmUp)) == 0);
        relay.stop();
        List<UUID> appended = new ArrayList<>();
        for (int version = 1; version <= 3; version++) {
            for (String key : List.of("tool-a", "tool-b", "tool-c")) {
                int v = version;
                appended.add(inTransaction(() -> outbox.append(TestEvent.on(topic), TestEvent.of(key, v))));
            }
        }
        Process first = startFirstInstance(round, firstsIdleTimeout);
        try {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> lockHolder() != null);
            if (death == Death.KILLED) {
                for (int attempt = 0; attempt < 5; attempt++) {
                    assertThat(publisher.publishBatch().lockHeld()).as("the second instance gets the lock").isFalse();
                }
                assertThat(unpublished(appended)).as("rows the second instance published meanwhile").isEqualTo(9);
            }
            relay.start();

            Instant killedAt = Instant.now();
            signal(first, death.signal);
            long killNanos = System.nanoTime();
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(2)).until(() -> lockHolder() == null);
            long lockFreedMillis = (System.nanoTime() - killNanos) / 1_000_000;
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> unpublished(appended) == 0);
            Instant firstPublished = publishedAt("min", appended);
            Instant lastPublished = publishedAt("max", appended);
            first.destroyForcibly().waitFor();

            List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(bootstrapServers, topic,
                    r -> r.size() > appended.size(), TIMEOUT).stream()
                    .filter(record -> !record.key().equals("warm-up")).toList();
            Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(
                    r -> TopicReader.header(r, CloudEventHeaders.ID), Collectors.counting()));
            assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(
                    appended.stream().map(UUID::toString).toList());
            assertThat(copies.values()).as("copies of each event").containsOnly(1L);
            assertThat(PerKeyOrder.firstOccurrences(records)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "tool-a", List.of(1, 2, 3), "tool-b", List.of(1, 2, 3), "tool-c", List.of(1, 2, 3)));
            return "lock freed " + lockFreedMillis + " ms after the signal, first row published "
                    + Duration.between(killedAt, firstPublished).toMillis() + " ms, all 9 "
                    + Duration.between(killedAt, lastPublished).toMillis() + " ms";
        } finally {
            first.destroyForcibly();
            if (!relay.isRunning()) {
                relay.start();
            }
        }
    }

    /** The other instance: this database, a Kafka nobody answers on, so its first batch holds the lock. */
    private Process startFirstInstance(int round, Duration idleTimeout) throws IOException {
        Path log = Path.of("target", "relay-process-" + round + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                RelayProcess.class.getName()));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("spring.datasource.username", databaseUser);
        properties.put("spring.datasource.password", databasePassword);
        properties.put("spring.kafka.bootstrap-servers", "127.0.0.1:" + unusedPort());
        // its send waits for the partition's metadata far longer than any round takes
        properties.put("spring.kafka.producer.properties.max.block.ms", "600000");
        properties.put("outbox.poll-interval", "200ms");
        properties.put("outbox.batch-idle-timeout", idleTimeout.toMillis() + "ms");
        properties.put("spring.main.banner-mode", "off");
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }

    /** The PostgreSQL session holding the relay's advisory lock, or null. */
    private Integer lockHolder() {
        List<Integer> holders = jdbc.queryForList("""
                SELECT pid FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND classid = ?::bigint::oid AND objid = ?::bigint::oid
                  AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""",
                Integer.class, RELAY_LOCK_HIGH, RELAY_LOCK_LOW);
        return holders.isEmpty() ? null : holders.getFirst();
    }

    private long unpublished(List<UUID> ids) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND event_id = ANY (?)",
                Long.class, (Object) ids.toArray(UUID[]::new));
    }

    private Instant publishedAt(String aggregate, List<UUID> ids) {
        return jdbc.queryForObject("SELECT " + aggregate + "(published_at) FROM outbox_event WHERE event_id = ANY (?)",
                Timestamp.class, (Object) ids.toArray(UUID[]::new)).toInstant();
    }

    private UUID inTransaction(Supplier<UUID> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
