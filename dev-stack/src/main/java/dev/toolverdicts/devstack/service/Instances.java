package dev.toolverdicts.devstack.service;

import java.util.List;
import java.util.Map;

import dev.toolverdicts.devstack.Ports;

/**
 * How many instances of each service run and where each listens: the first keeps the service's name (its log is
 * {@code <name>.log}), the others are {@code <name>-2}, {@code <name>-3}...
 */
public record Instances(Ports ports, Map<String, Integer> replicas) {

    public Instances {
        replicas = Map.copyOf(replicas);
    }

    /** One instance of everything. */
    public static Instances single(Ports ports) {
        return new Instances(ports, Map.of());
    }

    public int count(String service) {
        return replicas.getOrDefault(service, 1);
    }

    public List<Integer> ports(String service) {
        return ports.instances(service, count(service));
    }

    public int port(String service, int instance) {
        return ports(service).get(instance);
    }

    /** The instance's name in logs and progress lines. */
    public static String name(String service, int instance) {
        return instance == 0 ? service : service + "-" + (instance + 1);
    }

    /** Whether several gateways run behind the launcher's entry balancer. */
    public boolean gatewayBehindBalancer() {
        return count(ServiceCatalog.GATEWAY) > 1;
    }
}
