package dev.toolverdicts.consumerbatch;

import dev.toolverdicts.consumers.EventConsumer;
import dev.toolverdicts.consumers.EventHandler;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * A service with one batched consumer, "tally-batch": a version-guarded in-memory copy of tallies that records every
 * version it applies, and cannot apply a tally of a negative version. Its batch handler is all or nothing, as a
 * transaction is: it refuses a batch holding such a tally before applying any of it. It records the listener
 * observations it sees, with observation enabled as every service has it.
 */
@SpringBootApplication
class BatchConsumerTestApplication {

    static final Map<UUID, Long> HELD = new ConcurrentHashMap<>();
    static final Map<UUID, List<Long>> APPLIED = new ConcurrentHashMap<>();
    static final List<Integer> BATCH_SIZES = new CopyOnWriteArrayList<>();
    /** The records whose listener observations were started and stopped, in the order they stopped. */
    static final List<ConsumerRecord<?, ?>> OBSERVED = new CopyOnWriteArrayList<>();
    /** Per batch: its events, and the event of the record whose observation was current while it applied. */
    static final List<Map.Entry<List<Object>, Object>> BATCH_SCOPES = new CopyOnWriteArrayList<>();

    @Bean
    ObservationRegistry observationRegistry() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<KafkaRecordReceiverContext>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof KafkaRecordReceiverContext;
            }

            @Override
            public void onStop(KafkaRecordReceiverContext context) {
                OBSERVED.add(context.getRecord());
            }
        });
        return registry;
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    EventConsumer tallyBatch(ObservationRegistry observations) {
        return EventConsumer.batched("tally-batch",
                List.of(EventHandler.of(EventTypes.VOTE_TALLY, BatchConsumerTestApplication::apply)),
                events -> {
                    BATCH_SIZES.add(events.size());
                    Observation current = observations.getCurrentObservation();
                    BATCH_SCOPES.add(Map.entry(List.copyOf(events),
                            current != null && current.getContext() instanceof KafkaRecordReceiverContext context
                                    ? context.getRecord().value() : String.valueOf(current)));
                    if (events.stream().anyMatch(event -> ((VoteTallyEvent) event).version() < 0)) {
                        throw new IllegalStateException("cannot apply a tally of a negative version");
                    }
                    List<Boolean> outcomes = new ArrayList<>();
                    events.forEach(event -> outcomes.add(apply((VoteTallyEvent) event)));
                    return outcomes;
                });
    }

    private static boolean apply(VoteTallyEvent event) {
        if (event.version() < 0) {
            throw new IllegalStateException("cannot apply a tally of a negative version");
        }
        Long held = HELD.get(event.toolId());
        if (held != null && held >= event.version()) {
            return false;
        }
        HELD.put(event.toolId(), event.version());
        APPLIED.computeIfAbsent(event.toolId(), id -> new CopyOnWriteArrayList<>()).add(event.version());
        return true;
    }
}
