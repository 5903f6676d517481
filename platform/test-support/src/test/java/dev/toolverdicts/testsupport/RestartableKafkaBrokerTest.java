package dev.toolverdicts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Test;

class RestartableKafkaBrokerTest {

    @Test
    void restartsOnTheSamePortWithTheSameData() throws Exception {
        try (RestartableKafkaBroker broker = RestartableKafkaBroker.startNew()) {
            String servers = broker.bootstrapServers();
            KafkaRoundTrip.produce(servers, "restartable", "before");

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(accepts(broker.port())).isFalse();

            broker.start();
            assertThat(broker.bootstrapServers()).isEqualTo(servers);
            KafkaRoundTrip.produce(servers, "restartable", "after");
            assertThat(KafkaRoundTrip.consume(servers, "restartable", 2)).containsExactly("before", "after");
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
