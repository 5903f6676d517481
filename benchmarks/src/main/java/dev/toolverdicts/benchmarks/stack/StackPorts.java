package dev.toolverdicts.benchmarks.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** The dev stack's fixed loopback ports (see dev-stack/README.md), in one place. */
public final class StackPorts {

    public static final int GATEWAY = 8080;
    public static final int CATALOG = 8081;
    public static final int VOTE = 8083;
    public static final int COMPARISON = 8084;
    public static final int IDENTITY = 9000;
    /** With {@code ./dev-stack.sh --replicas comparison-service=2,gateway=2}: the second replica (first port + 100). */
    public static final int COMPARISON_2 = 8184;
    /** With two gateways: each instance's own port; {@link #GATEWAY} is then the launcher's entry balancer. */
    public static final int GATEWAY_1 = 8180;
    public static final int GATEWAY_2 = 8280;
    public static final int MAIL_API = 8025;
    public static final int POSTGRES = 5442;
    public static final String KAFKA = "127.0.0.1:9092";

    /** Services with an actuator readiness probe, by name. */
    public static final Map<String, Integer> SERVICES = services();

    private StackPorts() {
    }

    private static Map<String, Integer> services() {
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("catalog-service", CATALOG);
        services.put("review-service", 8082);
        services.put("vote-service", VOTE);
        services.put("comparison-service", COMPARISON);
        services.put("newsletter-service", 8085);
        services.put("web", 8086);
        services.put("identity-service", IDENTITY);
        services.put("gateway", GATEWAY);
        return services;
    }

    public static String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + POSTGRES + "/" + database;
    }
}
