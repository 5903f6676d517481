package dev.toolverdicts.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.toolverdicts.devstack.service.ServiceCatalog;
import dev.toolverdicts.devstack.service.ServiceSpec;

/**
 * Every port the stack listens on, so a test can run the whole stack beside a developer's own.
 * <p>
 * {@code services} holds each service's first instance (for the gateway: the entry port a browser uses);
 * {@code spare} the ports of further instances. The documented scheme: instance {@code i} (from 0) of a service
 * whose first instance listens on {@code P} listens on {@code P + 100 * i} (comparison-service 8084, 8184, 8284);
 * gateways with more than one instance sit behind the launcher's entry balancer on 8080 and listen on
 * {@code 8080 + 100 * (i + 1)} (8180, 8280).
 */
public record Ports(int postgres, int kafka, int kafkaController, int smtp, int imap, int mailApi,
                    Map<String, Integer> services, Map<String, List<Integer>> spare) {

    /** How many instances of one service the default ports have room for. */
    public static final int MAX_INSTANCES = 9;

    private static final int INSTANCE_STEP = 100;
    /** Above the documented defaults (8080-8986, 9000-9900, 9092, ...) of every instance. */
    private static final int FIRST_PICKED = 10_000;

    public Ports {
        services = Map.copyOf(services);
        Map<String, List<Integer>> copy = new LinkedHashMap<>();
        spare.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        spare = Map.copyOf(copy);
    }

    /** The fixed ports documented for developers, with room for {@link #MAX_INSTANCES} instances of each service. */
    public static Ports defaults() {
        Map<String, Integer> services = new LinkedHashMap<>();
        Map<String, List<Integer>> spare = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceCatalog.all()) {
            services.put(spec.name(), spec.defaultPort());
            List<Integer> more = new ArrayList<>();
            for (int i = 1; i <= MAX_INSTANCES; i++) {
                more.add(spec.defaultPort() + INSTANCE_STEP * i);
            }
            spare.put(spec.name(), more);
        }
        return new Ports(5442, 9092, 9093, 3025, 3143, 8025, services, spare);
    }

    /** Free ports for one instance of everything. */
    public static Ports free() {
        return free(Map.of());
    }

    /**
     * Ports that are free right now, below the ephemeral range (held open together so none is handed out twice), for
     * {@code replicas} instances of the services named there and one of every other.
     */
    public static Ports free(Map<String, Integer> replicas) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] infra = new int[6];
            for (int i = 0; i < infra.length; i++) {
                infra[i] = hold(held);
            }
            Map<String, Integer> services = new LinkedHashMap<>();
            Map<String, List<Integer>> spare = new LinkedHashMap<>();
            for (ServiceSpec spec : ServiceCatalog.all()) {
                services.put(spec.name(), hold(held));
                List<Integer> more = new ArrayList<>();
                for (int i = 0; i < spareNeeded(spec, replicas.getOrDefault(spec.name(), 1)); i++) {
                    more.add(hold(held));
                }
                spare.put(spec.name(), more);
            }
            return new Ports(infra[0], infra[1], infra[2], infra[3], infra[4], infra[5], services, spare);
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

    /** The first instance's port (for the gateway, the entry port). */
    public int service(String name) {
        Integer port = services.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port for service " + name);
        }
        return port;
    }

    /**
     * The ports of {@code count} instances of the service, in instance order. A single gateway listens on the entry
     * port itself; several listen on spare ports behind the entry balancer.
     */
    public List<Integer> instances(String name, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a service runs at least one instance, not " + count);
        }
        if (count == 1) {
            return List.of(service(name));
        }
        List<Integer> more = spare.getOrDefault(name, List.of());
        int needed = spareNeeded(name, count);
        if (more.size() < needed) {
            throw new IllegalArgumentException("ports for at most " + (ServiceCatalog.GATEWAY.equals(name)
                    ? more.size() : more.size() + 1) + " instances of " + name + ", not " + count);
        }
        if (ServiceCatalog.GATEWAY.equals(name)) {
            return more.subList(0, count);
        }
        List<Integer> all = new ArrayList<>();
        all.add(service(name));
        all.addAll(more.subList(0, count - 1));
        return all;
    }

    public int gateway() {
        return service(ServiceCatalog.GATEWAY);
    }

    private static int spareNeeded(ServiceSpec spec, int count) {
        return spareNeeded(spec.name(), count);
    }

    private static int spareNeeded(String name, int count) {
        if (count <= 1) {
            return 0;
        }
        return ServiceCatalog.GATEWAY.equals(name) ? count : count - 1;
    }

    /**
     * Binds a free port below the system's ephemeral range (above every documented default port) and keeps it bound
     * until all are picked. Not an ephemeral one: any outgoing connection on the machine may take such a port
     * between the pick and the part's bind, or while a killed part is being restarted on it.
     */
    private static int hold(List<ServerSocket> held) throws IOException {
        int first = FIRST_PICKED;
        int last = EphemeralPorts.range()[0] - 1;
        if (last - first < 1000) {
            ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            held.add(socket);
            return socket.getLocalPort();
        }
        int span = last - first + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = first + (start + i) % span;
            ServerSocket socket = new ServerSocket();
            try {
                socket.bind(new InetSocketAddress(port), 1);
                held.add(socket);
                return port;
            } catch (IOException taken) {
                socket.close();
            }
        }
        throw new IOException("no free port between " + first + " and " + last);
    }
}
