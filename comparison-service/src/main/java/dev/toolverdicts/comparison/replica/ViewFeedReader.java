package dev.toolverdicts.comparison.replica;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.toolverdicts.comparison.cache.HotViews;
import dev.toolverdicts.comparison.cache.ViewCacheKeys;
import dev.toolverdicts.comparison.feed.ViewStreams;
import dev.toolverdicts.comparison.ingest.Projections;
import dev.toolverdicts.comparison.store.ViewGenerations;
import dev.toolverdicts.events.CloudEventHeaders;
import dev.toolverdicts.events.EventCodecException;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.comparison.ViewChangedEvent;
import dev.toolverdicts.events.comparison.ViewChangedEvent.Kind;
import dev.toolverdicts.events.kafka.EventDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every replica reads {@code comparison.view.v1} on its own, so that a view changed by whichever replica applied the
 * event is dropped from this replica's cache and pushed to the streams open here. It is a broadcast, so the reader
 * belongs to no consumer group: a plain consumer that {@code assign()}s every partition and starts at their end
 * (nothing older matters to a cache that starts empty), commits nothing and needs no group ACL. It is the only source
 * of live-stream events, on the applying replica too, and it drops records whose {@code ce_id} it has seen (a relay
 * that sent a row twice), so a stream hears of each change once. After an error it reconnects where it was (in
 * memory; at the end of a partition whose place is gone), and wherever it may have missed or may still be behind on
 * records (its start, a reconnect, lost offsets, a record it cannot read) it drops the whole cache. Before it hands a batch on it re-reads the serving generation, so a change applied to a generation
 * just swapped in elsewhere is never re-read from the old one. Meters: {@code comparison.view.feed.lag} (record
 * timestamp to applied here), {@code comparison.view.feed.resets} (whole cache dropped after a gap).
 */
@Component
public class ViewFeedReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ViewFeedReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration PARTITION_CHECK = Duration.ofSeconds(30);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final String TOPIC = EventTypes.COMPARISON_VIEW.topic();

    private final KafkaProperties kafka;
    private final HotViews hot;
    private final ViewStreams streams;
    private final ViewGenerations generations;
    private final Projections projections;
    private final Clock clock;
    private final Duration startTimeout;
    private final String clientId;
    private final EventDeserializer deserializer = new EventDeserializer();
    private final Cache<String, Boolean> seen = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(30)).build();
    private final Timer lag;
    private final Counter resets;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Map<TopicPartition, Long> resumeAt = new HashMap<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    ViewFeedReader(KafkaProperties kafka, HotViews hot, ViewStreams streams, ViewGenerations generations,
            Projections projections, Clock clock, MeterRegistry meters,
            @Value("${spring.application.name}") String service,
            @Value("${comparison.view-feed.start-timeout:10s}") Duration startTimeout) {
        this.kafka = kafka;
        this.hot = hot;
        this.streams = streams;
        this.generations = generations;
        this.projections = projections;
        this.clock = clock;
        this.startTimeout = startTimeout;
        this.clientId = service + ".view-feed-" + UUID.randomUUID().toString().substring(0, 8);
        this.lag = Timer.builder("comparison.view.feed.lag")
                .description("From a view change's record timestamp on comparison.view.v1 to applied on this replica")
                .publishPercentileHistogram()
                .register(meters);
        this.resets = Counter.builder("comparison.view.feed.resets")
                .description("Times this replica dropped its whole cache because it may have missed view changes")
                .register(meters);
    }

    /** Starts reading; waits (up to {@code comparison.view-feed.start-timeout}) until it reads from the end. */
    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("view-feed-reader").daemon().start(this::run);
        try {
            if (!positioned.await(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The view feed reader is not reading yet; it keeps trying, and drops the cache when it is");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Reads before the web server serves, and until it has stopped. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 2048;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(config(), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = reader;
                read(reader);
            } catch (WakeupException stopping) {
                if (running) {
                    log.warn("The view feed reader was woken up while running; it reads again");
                }
            } catch (InvalidOffsetException e) {
                log.warn("The view feed reader lost its place on {}; it starts there again at the end and drops the "
                        + "cache", e.partitions());
                resumeAt.keySet().removeAll(e.partitions());
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("The view feed reader failed; it reads again where it was and drops the cache: {}",
                            e.toString());
                    pause();
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void read(KafkaConsumer<String, byte[]> reader) {
        List<TopicPartition> partitions = partitions(reader);
        if (partitions.isEmpty()) {
            log.warn("{} has no partitions yet; the view feed reader waits for it", TOPIC);
            pause();
            return;
        }
        reader.assign(partitions);
        List<TopicPartition> unknown = partitions.stream().filter(p -> !resumeAt.containsKey(p)).toList();
        if (!unknown.isEmpty()) {
            reader.seekToEnd(unknown);
        }
        partitions.stream().filter(resumeAt::containsKey).forEach(p -> reader.seek(p, resumeAt.get(p)));
        partitions.forEach(p -> resumeAt.put(p, reader.position(p)));
        reset();
        positioned.countDown();
        long nextPartitionCheck = System.nanoTime() + PARTITION_CHECK.toNanos();
        while (running) {
            ConsumerRecords<String, byte[]> records = reader.poll(POLL);
            if (!records.isEmpty()) {
                apply(records);
            }
            partitions.forEach(p -> resumeAt.put(p, reader.position(p)));
            if (System.nanoTime() > nextPartitionCheck) {
                nextPartitionCheck = System.nanoTime() + PARTITION_CHECK.toNanos();
                if (partitions(reader).size() != partitions.size()) {
                    log.info("{} has another partition count now; the view feed reader assigns them again", TOPIC);
                    return;
                }
            }
        }
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        try {
            generations.refresh();
        } catch (RuntimeException e) {
            log.warn("Could not read the serving generation; the periodic check tries again: {}", e.toString());
        }
        Set<String> keys = new LinkedHashSet<>();
        List<ViewChangedEvent> changes = new ArrayList<>();
        boolean all = false;
        for (ConsumerRecord<String, byte[]> record : records) {
            String id = header(record, CloudEventHeaders.ID);
            if (id != null && seen.asMap().putIfAbsent(id, Boolean.TRUE) != null) {
                continue;
            }
            Object event;
            try {
                event = deserializer.deserialize(record.topic(), record.headers(), record.value());
            } catch (EventCodecException e) {
                log.warn("Unreadable record {}-{}@{} on the view feed; the whole cache goes", record.topic(),
                        record.partition(), record.offset());
                all = true;
                continue;
            }
            if (event instanceof ViewChangedEvent change) {
                keys.add(change.kind() == Kind.TOOL ? ViewCacheKeys.tool(change.slug())
                        : ViewCacheKeys.matchup(change.slug()));
                all |= projections.wide(change.cause());
                changes.add(change);
            }
        }
        if (all) {
            reset();
        } else if (!keys.isEmpty()) {
            hot.invalidate(keys);
        }
        streams.publish(changes);
        long now = clock.millis();
        for (ConsumerRecord<String, byte[]> record : records) {
            lag.record(Duration.ofMillis(Math.max(0, now - record.timestamp())));
        }
    }

    private void reset() {
        hot.invalidateAll();
        resets.increment();
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> reader) {
        return reader.partitionsFor(TOPIC, METADATA_TIMEOUT).stream().map(info -> new TopicPartition(TOPIC, info.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
