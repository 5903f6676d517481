package dev.toolverdicts.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortsTest {

    /**
     * An ephemeral port is what every outgoing connection on the machine gets: one picked there can be taken by a
     * client before the part binds it, or while a killed part is down (FaultSuiteIT once failed "port in use").
     */
    @Test
    void freePortsLieOutsideTheRangeTheSystemHandsToOutgoingConnections() {
        int[] ephemeral = EphemeralPorts.range();
        Ports ports = Ports.free(Map.of("gateway", 2, "comparison-service", 2));
        List<Integer> all = new ArrayList<>(List.of(ports.postgres(), ports.kafka(), ports.kafkaController(),
                ports.smtp(), ports.imap(), ports.mailApi()));
        all.addAll(ports.services().values());
        ports.spare().values().forEach(all::addAll);

        assertThat(all).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isBetween(1024, 65535)
                        .satisfiesAnyOf(p -> assertThat(p).isLessThan(ephemeral[0]),
                                p -> assertThat(p).isGreaterThan(ephemeral[1])));
    }
}
