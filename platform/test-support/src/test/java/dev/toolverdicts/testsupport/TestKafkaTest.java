package dev.toolverdicts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestKafkaTest {

    @Test
    void sharedBrokerAcceptsAProduceAndAConsume() throws Exception {
        String servers = TestKafka.bootstrapServers();

        KafkaRoundTrip.produce(servers, "test-kafka-round-trip", "a", "b");

        assertThat(KafkaRoundTrip.consume(servers, "test-kafka-round-trip", 2)).containsExactly("a", "b");
        assertThat(TestKafka.bootstrapServers()).isEqualTo(servers);
    }
}
