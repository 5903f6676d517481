package dev.toolverdicts.devstack.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.toolverdicts.devstack.DevStack;
import dev.toolverdicts.devstack.Part;
import dev.toolverdicts.devstack.Ports;
import dev.toolverdicts.devstack.StackConfig;
import dev.toolverdicts.devstack.process.PortCheck;
import dev.toolverdicts.devstack.progress.Progress;
import dev.toolverdicts.devstack.service.ServiceCatalog;

/**
 * {@link DevStack#kill} and {@link DevStack#restart} on real processes: a service and the Kafka broker die at once
 * (SIGKILL), come back on the same port with the same data, and their earlier log is kept beside the new one.
 */
class RestartIT {

    @Test
    void aKilledServiceAndAKilledBrokerComeBackOnTheirPortsWithTheirData() throws Exception {
        Path workDir = Files.createTempDirectory("restart-it");
        StackConfig config = StackConfig.of(repoRoot(), workDir, Ports.free(),
                ServiceCatalog.only(List.of("catalog-service"))).withoutDemoData();
        try (DevStack stack = new DevStack(config, Progress.toStdout())) {
            stack.start();

            Part kafka = stack.part("kafka");
            String topic = "restart-it-" + UUID.randomUUID();
            String written = "written before the kill";
            produce(kafka.address(), topic, written);
            List<ProcessHandle> brokerProcesses = kafka.processes();
            stack.kill("kafka");
            assertThat(brokerProcesses).as("broker processes after kill -9").noneMatch(ProcessHandle::isAlive);
            assertThat(kafka.failure()).as("the broker is seen dead").isPresent();
            assertThat(kafka.isReady()).isFalse();
            assertThat(PortCheck.isFree(config.ports().kafka())).as("broker port after the kill").isTrue();

            Duration brokerBack = stack.restart("kafka");
            assertThat(kafka.isReady()).isTrue();
            assertThat(consumeAll(kafka.address(), topic)).as("what the broker held before it died")
                    .containsExactly(written);
            assertThat(workDir.resolve("logs/kafka.1.log")).content().contains("Kafka Server started");
            assertThat(workDir.resolve("logs/kafka.log")).content().contains("Kafka Server started");

            Part catalog = stack.part("catalog-service");
            List<ProcessHandle> catalogProcesses = catalog.processes();
            stack.kill("catalog-service");
            assertThat(catalogProcesses).as("service processes after kill -9").noneMatch(ProcessHandle::isAlive);
            assertThat(catalog.isReady()).isFalse();
            assertThat(PortCheck.isFree(config.ports().service("catalog-service"))).isTrue();

            Duration serviceBack = stack.restart("catalog-service");
            assertThat(catalog.isReady()).as("ready again on " + catalog.address()).isTrue();
            assertThat(catalog.processes()).noneMatch(catalogProcesses::contains);
            assertThat(workDir.resolve("logs/catalog-service.1.log")).content().contains("Started");
            System.out.printf("restart after kill -9: kafka %.1f s, catalog-service %.1f s%n",
                    brokerBack.toMillis() / 1000.0, serviceBack.toMillis() / 1000.0);
        }
    }

    private static void produce(String bootstrap, String topic, String value) throws Exception {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        }
    }

    private static List<String> consumeAll(String bootstrap, String topic) {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static Path repoRoot() {
        String configured = System.getProperty("devstack.repoRoot");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("dev-stack").resolve("pom.xml")).isRegularFile();
        return root.toAbsolutePath().normalize();
    }
}
