package dev.toolverdicts.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real in-JVM KRaft broker per test JVM (spring-kafka-test's {@link EmbeddedKafkaKraftBroker}), started on
 * first use and stopped by a shutdown hook. Topics are created on first use with {@value #PARTITIONS} partitions.
 * This is the single place tests get Kafka from: a container-backed broker could be swapped in here.
 */
public final class TestKafka {

    public static final int PARTITIONS = 3;

    private static EmbeddedKafkaKraftBroker broker;

    private TestKafka() {
    }

    /** The {@code bootstrap.servers} of the shared broker (started if needed). */
    public static String bootstrapServers() {
        return broker().getBrokersAsString();
    }

    private static synchronized EmbeddedKafkaKraftBroker broker() {
        if (broker == null) {
            QuietKafkaLogs.apply();
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
            started.brokerProperty("auto.create.topics.enable", "true");
            started.brokerProperty("num.partitions", String.valueOf(PARTITIONS));
            started.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "test-kafka-shutdown"));
            broker = started;
        }
        return broker;
    }
}
