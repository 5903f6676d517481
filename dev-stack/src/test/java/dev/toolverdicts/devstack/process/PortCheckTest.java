package dev.toolverdicts.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A taken port must become one readable line naming the part, before anything starts. */
class PortCheckTest {

    @Test
    void namesTheTakenPortAndItsPart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            List<String> problems = PortCheck.problems(Map.of("kafka", List.of(port)));

            assertThat(problems).containsExactly("port " + port + " (kafka) is already in use by another program");
        }
    }

    @Test
    void findsOnePortGivenToTwoParts() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        ports.put("web", List.of(port));
        ports.put("gateway", List.of(port));

        assertThat(PortCheck.problems(ports)).containsExactly("port " + port + " is configured for both web and gateway");
    }
}
