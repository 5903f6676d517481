package dev.toolverdicts.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The port range the system hands to outgoing connections (Linux: {@code ip_local_port_range}). */
final class EphemeralPorts {

    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default, and within IANA's dynamic range of 49152-65535 used elsewhere. */
    private static final int[] DEFAULT = {32768, 65535};

    private EphemeralPorts() {
    }

    /** {first, last}, both included. */
    static int[] range() {
        try {
            String[] bounds = Files.readString(RANGE).trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            return DEFAULT.clone();
        }
    }
}
