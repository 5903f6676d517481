package dev.toolverdicts.comparison.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.comparison.ingest.Projections;
import dev.toolverdicts.comparison.store.ViewGenerations;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild reported as finished (SWAPPED or FAILED) says when it finished: its finish time is taken before its state
 * changes, so a reader never sees a swapped rebuild without one (benchmark 4 then had to fall back on its own clock).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.kafka.listener.auto-startup=false")
@WithPostgres
@WithKafka
class RebuildProgressTest {

    @Autowired
    ViewGenerations generations;

    @Autowired
    Projections projections;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    KafkaProperties kafka;

    @Test
    void theFinishTimeIsTakenWhileTheRebuildStillReportsRunning() {
        AtomicReference<Rebuilds> rebuilds = new AtomicReference<>();
        List<RebuildProgress.State> seenByTheRebuildsClock = new CopyOnWriteArrayList<>();
        Clock clock = new Clock() {

            @Override
            public Instant instant() {
                if (Thread.currentThread().getName().startsWith("rebuild-")) {
                    seenByTheRebuildsClock.add(rebuilds.get().last().orElseThrow().state());
                }
                return Instant.now();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        rebuilds.set(new Rebuilds(generations, projections, tx, kafka, clock));

        rebuilds.get().start().orElseThrow();
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> rebuilds.get().last().orElseThrow().finishedAt() != null);

        RebuildProgress finished = rebuilds.get().last().orElseThrow();
        assertThat(finished.state()).isEqualTo(RebuildProgress.State.SWAPPED);
        assertThat(seenByTheRebuildsClock).containsOnly(RebuildProgress.State.RUNNING);
    }
}
