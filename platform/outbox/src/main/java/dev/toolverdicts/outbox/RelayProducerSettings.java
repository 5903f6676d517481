package dev.toolverdicts.outbox;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay producer's configuration: the service's {@code spring.kafka.producer.*} settings with the guarantees of
 * the outbox enforced on top, so no other setting of the service can weaken them.
 */
final class RelayProducerSettings {

    static final int MAX_IN_FLIGHT_FOR_ORDERED_IDEMPOTENCE = 5;

    private RelayProducerSettings() {
    }

    static Map<String, Object> from(Map<String, Object> serviceProducerProperties, String applicationName) {
        Map<String, Object> config = new HashMap<>();
        // bounded waits while Kafka is away, so a drain transaction fails and retries instead of hanging;
        // the service may still tune these through spring.kafka.producer.properties.*
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putAll(serviceProducerProperties);

        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                Math.min(maxInFlight(config), MAX_IN_FLIGHT_FOR_ORDERED_IDEMPOTENCE));
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        // the relay flushes after every batch, so lingering would only add latency (Kafka 4 defaults to 5 ms)
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + applicationName);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return config;
    }

    private static int maxInFlight(Map<String, Object> config) {
        Object value = config.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        return value == null ? MAX_IN_FLIGHT_FOR_ORDERED_IDEMPOTENCE : Integer.parseInt(value.toString());
    }
}
