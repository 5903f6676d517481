package dev.toolverdicts.devstack;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.toolverdicts.devstack.service.ServiceCatalog;
import dev.toolverdicts.devstack.service.ServiceSpec;

/** The command line of {@code dev-stack.sh}: {@code [--reset] [--only a,b,c] [--no-demo-data]}. */
public record LaunchOptions(boolean reset, List<ServiceSpec> services, boolean demoData, boolean help) {

    public static final String USAGE = """
            usage: ./dev-stack.sh [--reset] [--only service,service,...] [--no-demo-data]
              --reset          delete .dev-stack/data (databases, Kafka topics) before starting
              --only a,b,c     start PostgreSQL, Kafka, the mail sink and only these services
              --no-demo-data   do not load the demo catalog through the gateway
            services: %s""".formatted(String.join(", ", ServiceCatalog.all().stream().map(ServiceSpec::name).toList()));

    /** Parses the arguments; throws {@link IllegalArgumentException} with a readable message on anything unknown. */
    public static LaunchOptions parse(String... args) {
        boolean reset = false;
        boolean demoData = true;
        boolean help = false;
        List<ServiceSpec> services = ServiceCatalog.all();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--reset" -> reset = true;
                case "--no-demo-data" -> demoData = false;
                case "-h", "--help" -> help = true;
                case "--only" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--only needs a comma-separated list of services");
                    }
                    services = only(args[++i]);
                }
                default -> {
                    if (arg.startsWith("--only=")) {
                        services = only(arg.substring("--only=".length()));
                    } else {
                        throw new IllegalArgumentException("unknown argument " + arg);
                    }
                }
            }
        }
        return new LaunchOptions(reset, services, demoData, help);
    }

    private static List<ServiceSpec> only(String list) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--only needs at least one service");
        }
        return ServiceCatalog.only(names);
    }
}
