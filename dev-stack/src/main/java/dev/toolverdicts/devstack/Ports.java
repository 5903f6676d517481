package dev.toolverdicts.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.toolverdicts.devstack.service.ServiceCatalog;
import dev.toolverdicts.devstack.service.ServiceSpec;

/** Every port the stack listens on, so a test can run the whole stack beside a developer's own. */
public record Ports(int postgres, int kafka, int kafkaController, int smtp, int imap, int mailApi,
                    Map<String, Integer> services) {

    public Ports {
        services = Map.copyOf(services);
    }

    /** The fixed ports documented for developers. */
    public static Ports defaults() {
        Map<String, Integer> services = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceCatalog.all()) {
            services.put(spec.name(), spec.defaultPort());
        }
        return new Ports(5442, 9092, 9093, 3025, 3143, 8025, services);
    }

    /** Ports the operating system says are free right now (held open together so none is handed out twice). */
    public static Ports free() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] infra = new int[6];
            for (int i = 0; i < infra.length; i++) {
                infra[i] = hold(held);
            }
            Map<String, Integer> services = new LinkedHashMap<>();
            for (ServiceSpec spec : ServiceCatalog.all()) {
                services.put(spec.name(), hold(held));
            }
            return new Ports(infra[0], infra[1], infra[2], infra[3], infra[4], infra[5], services);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket cannot lose anything
                }
            }
        }
    }

    public int service(String name) {
        Integer port = services.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port for service " + name);
        }
        return port;
    }

    public int gateway() {
        return service(ServiceCatalog.GATEWAY);
    }

    private static int hold(List<ServerSocket> held) throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        return socket.getLocalPort();
    }
}
