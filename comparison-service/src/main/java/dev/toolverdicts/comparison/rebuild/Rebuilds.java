package dev.toolverdicts.comparison.rebuild;

import dev.toolverdicts.comparison.ingest.Projections;
import dev.toolverdicts.comparison.store.ViewGeneration;
import dev.toolverdicts.comparison.store.ViewGenerations;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read model while the current one keeps serving: registers a fresh generation (from then on every live
 * event lands in both), replays the source topics from the beginning into it on a thread of its own, then swaps it
 * in. The view is a function of the set of events, so replayed and live events may interleave in any order.
 */
@Component
public class Rebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final ViewGenerations generations;
    private final Projections projections;
    private final TransactionTemplate tx;
    private final KafkaProperties kafka;
    private final Clock clock;
    private final AtomicReference<Run> last = new AtomicReference<>();
    private volatile boolean stopping;

    Rebuilds(ViewGenerations generations, Projections projections, TransactionTemplate tx, KafkaProperties kafka,
            Clock clock) {
        this.generations = generations;
        this.projections = projections;
        this.tx = tx;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Starts a rebuild; empty if one is running already. */
    public synchronized Optional<RebuildProgress> start() {
        Run running = last.get();
        if (running != null && running.state == RebuildProgress.State.RUNNING) {
            return Optional.empty();
        }
        Optional<ViewGeneration> building = generations.startBuilding();
        if (building.isEmpty()) {
            return Optional.empty();
        }
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer());
        Run run;
        try {
            run = new Run(building.get(), new TopicReplay(consumer, projections.topics(), projections, tx,
                    building.get().schema()), consumer, clock.instant());
        } catch (RuntimeException e) {
            consumer.close();
            generations.fail(building.get());
            throw e;
        }
        last.set(run);
        Thread.ofPlatform().name("rebuild-" + building.get().schema()).daemon().start(run);
        return Optional.of(run.progress());
    }

    /** The running or last rebuild of this instance. */
    public Optional<RebuildProgress> last() {
        return Optional.ofNullable(last.get()).map(Run::progress);
    }

    @Override
    public void destroy() {
        stopping = true;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "comparison-rebuild");
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        return config;
    }

    private final class Run implements Runnable {

        private final ViewGeneration generation;
        private final TopicReplay replay;
        private final KafkaConsumer<String, byte[]> consumer;
        private final Instant startedAt;
        private volatile RebuildProgress.State state = RebuildProgress.State.RUNNING;
        private volatile Instant finishedAt;
        private volatile String failure;

        Run(ViewGeneration generation, TopicReplay replay, KafkaConsumer<String, byte[]> consumer, Instant startedAt) {
            this.generation = generation;
            this.replay = replay;
            this.consumer = consumer;
            this.startedAt = startedAt;
        }

        @Override
        public void run() {
            try (consumer) {
                replay.run(() -> stopping);
                if (stopping) {
                    throw new IllegalStateException("the service stopped during the rebuild");
                }
                generations.promote(generation);
                finish(RebuildProgress.State.SWAPPED);
                log.info("Rebuilt the read model into {} and swapped it in", generation.schema());
            } catch (RuntimeException e) {
                log.error("Rebuild into {} failed", generation.schema(), e);
                failure = e.toString();
                generations.fail(generation);
                finish(RebuildProgress.State.FAILED);
            }
        }

        /** The finish time first, then the state: whoever reads a finished state reads its finish time too. */
        private void finish(RebuildProgress.State finished) {
            finishedAt = clock.instant();
            state = finished;
        }

        RebuildProgress progress() {
            List<RebuildProgress.TopicProgress> topics = replay.progress();
            return new RebuildProgress(generation.id(), generation.schema().name(), state, startedAt, finishedAt,
                    topics, failure);
        }
    }
}
