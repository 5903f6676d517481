package dev.toolverdicts.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** The service below tries to weaken its producers; the relay's producer must stay idempotent with acks=all. */
@SpringBootTest(properties = {
        "spring.kafka.producer.acks=0",
        "spring.kafka.producer.retries=0",
        "spring.kafka.producer.properties.enable.idempotence=false",
        "spring.kafka.producer.properties.max.in.flight.requests.per.connection=20",
        "spring.kafka.producer.properties.linger.ms=50"})
@WithPostgres
@WithKafka
@DirtiesContext
class RelayProducerConfigTest {

    @Autowired
    RelayProducer relayProducer;

    @Test
    void effectiveConfigOfTheRelayProducerIsIdempotentWithAcksAll() {
        ProducerConfig effective = new ProducerConfig(relayProducer.configuration());

        assertThat(effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
        assertThat(effective.getString(ProducerConfig.ACKS_CONFIG)).isIn("all", "-1");
        assertThat(effective.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isBetween(1, 5);
        assertThat(effective.getInt(ProducerConfig.RETRIES_CONFIG)).isEqualTo(Integer.MAX_VALUE);
        assertThat(effective.getLong(ProducerConfig.LINGER_MS_CONFIG)).isZero();
        assertThat(effective.getString(ProducerConfig.TRANSACTIONAL_ID_CONFIG)).isNull();
    }
}
