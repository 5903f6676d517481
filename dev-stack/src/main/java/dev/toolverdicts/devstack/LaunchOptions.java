package dev.toolverdicts.devstack;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.toolverdicts.devstack.jvm.JvmMode;
import dev.toolverdicts.devstack.service.ServiceCatalog;
import dev.toolverdicts.devstack.service.ServiceSpec;

/**
 * The command line of {@code dev-stack.sh}:
 * {@code [--reset] [--only a,b,c] [--replicas a=2,b=2] [--no-demo-data] [--perf]}.
 *
 * @param replicas instances per service, only for services started more than once
 */
public record LaunchOptions(boolean reset, List<ServiceSpec> services, Map<String, Integer> replicas,
                            boolean demoData, boolean help, JvmMode jvm) {

    public static final String USAGE = """
            usage: ./dev-stack.sh [--reset] [--only service,...] [--replicas service=N,...] [--no-demo-data] [--perf]
              --reset            delete .dev-stack/data (databases, Kafka topics) before starting
              --only a,b,c       start PostgreSQL, Kafka, the mail sink and only these services
              --replicas a=2     start N instances of a service (at most %d); instance i listens on its first
                                 port + 100 * i (comparison-service: 8084, 8184); several gateways listen on
                                 8180, 8280... behind one entry balancer on 8080
              --no-demo-data     do not load the demo catalog through the gateway
              --perf             performance mode: every service runs the container image's JVM settings (C2,
                                 heap from its Kubernetes memory limit) instead of the quick-start ones (C1,
                                 256 MB); for benchmarks. Starts slower and needs more memory
            services: %s""".formatted(Ports.MAX_INSTANCES,
            String.join(", ", ServiceCatalog.all().stream().map(ServiceSpec::name).toList()));

    public LaunchOptions {
        services = List.copyOf(services);
        replicas = Map.copyOf(replicas);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a readable message on anything unknown. */
    public static LaunchOptions parse(String... args) {
        boolean reset = false;
        boolean demoData = true;
        boolean help = false;
        JvmMode jvm = JvmMode.QUICK;
        List<ServiceSpec> services = ServiceCatalog.all();
        Map<String, Integer> replicas = Map.of();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--reset" -> reset = true;
                case "--no-demo-data" -> demoData = false;
                case "-h", "--help" -> help = true;
                case "--perf" -> jvm = JvmMode.PERF;
                case "--only" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--only needs a comma-separated list of services");
                    }
                    services = only(args[++i]);
                }
                case "--replicas" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--replicas needs service=N pairs, e.g. gateway=2");
                    }
                    replicas = parseReplicas(args[++i]);
                }
                default -> {
                    if (arg.startsWith("--only=")) {
                        services = only(arg.substring("--only=".length()));
                    } else if (arg.startsWith("--replicas=")) {
                        replicas = parseReplicas(arg.substring("--replicas=".length()));
                    } else {
                        throw new IllegalArgumentException("unknown argument " + arg);
                    }
                }
            }
        }
        List<String> started = services.stream().map(ServiceSpec::name).toList();
        List<String> notStarted = replicas.keySet().stream().filter(name -> !started.contains(name)).toList();
        if (!notStarted.isEmpty()) {
            throw new IllegalArgumentException("--replicas names " + String.join(", ", notStarted)
                    + ", which --only does not start");
        }
        return new LaunchOptions(reset, services, replicas, demoData, help, jvm);
    }

    /** How many instances of the service to start. */
    public int replicas(String service) {
        return replicas.getOrDefault(service, 1);
    }

    private static List<ServiceSpec> only(String list) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--only needs at least one service");
        }
        return ServiceCatalog.only(names);
    }

    private static Map<String, Integer> parseReplicas(String list) {
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (String pair : list.split(",")) {
            String item = pair.trim();
            if (item.isEmpty()) {
                continue;
            }
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("--replicas takes service=N, not " + item);
            }
            String name = item.substring(0, equals).trim();
            String count = item.substring(equals + 1).trim();
            ServiceCatalog.only(List.of(name));
            int n;
            try {
                n = Integer.parseInt(count);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--replicas " + name + "=" + count + ": not a number");
            }
            if (n < 1 || n > Ports.MAX_INSTANCES) {
                throw new IllegalArgumentException("--replicas " + name + "=" + n + ": between 1 and "
                        + Ports.MAX_INSTANCES);
            }
            if (replicas.put(name, n) != null) {
                throw new IllegalArgumentException("--replicas names " + name + " twice");
            }
        }
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("--replicas needs service=N pairs, e.g. gateway=2");
        }
        replicas.values().removeIf(n -> n == 1);
        return replicas;
    }
}
