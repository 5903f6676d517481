package dev.toolverdicts.consumers;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * The listener observations of a batch's records, one per record, as a record listener gets from its container: each
 * continues the trace of its record's {@code traceparent} header, so a batched consumer's log lines and spans keep the
 * trace of the event they are about. Spring Kafka's own batch listeners open none (or, with
 * {@code recordObservationsInBatch}, none in scope of the listener). They are started before the batch is applied and
 * stopped after it, so each spans the transaction its record was applied in. Only when the container has observation
 * enabled ({@code spring.kafka.listener.observation-enabled}).
 */
final class RecordObservations {

    private final ObservationRegistry registry;
    private final ContainerProperties container;
    private final String groupId;

    RecordObservations(ObservationRegistry registry, ContainerProperties container, String groupId) {
        this.registry = registry;
        this.container = container;
        this.groupId = groupId;
    }

    /** Started observations of the records, in their order; none if observation is off. */
    List<Observation> start(List<ConsumerRecord<Object, Object>> records) {
        if (!container.isObservationEnabled() || registry.isNoop()) {
            return List.of();
        }
        List<Observation> observations = new ArrayList<>(records.size());
        for (ConsumerRecord<Object, Object> record : records) {
            observations.add(KafkaListenerObservation.LISTENER_OBSERVATION.observation(
                    container.getObservationConvention(), DefaultKafkaListenerObservationConvention.INSTANCE,
                    () -> new KafkaRecordReceiverContext(record, groupId, groupId, groupId, () -> null), registry)
                    .start());
        }
        return observations;
    }

    /** Runs the step in the scope of the record's observation (the i-th of {@code observations}), if there is one. */
    static <T> T inScopeOf(List<Observation> observations, int i, Supplier<T> step) {
        if (observations.isEmpty()) {
            return step.get();
        }
        try (Observation.Scope scope = observations.get(i).openScope()) {
            return step.get();
        }
    }

    static void inScopeOf(List<Observation> observations, int i, Runnable step) {
        inScopeOf(observations, i, () -> {
            step.run();
            return null;
        });
    }

    static void stop(List<Observation> observations, RuntimeException failure) {
        for (Observation observation : observations) {
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        }
    }
}
