package dev.toolverdicts.devstack.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The platform's services, their default ports and databases, in the order they are started. */
public final class ServiceCatalog {

    public static final String GATEWAY = "gateway";
    public static final String IDENTITY = "identity-service";
    public static final String WEB = "web";

    private static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("catalog-service", 8081, Optional.of("catalog"), false),
            new ServiceSpec("review-service", 8082, Optional.of("review"), false),
            new ServiceSpec("vote-service", 8083, Optional.of("vote"), false),
            new ServiceSpec("comparison-service", 8084, Optional.of("comparison"), false),
            new ServiceSpec("newsletter-service", 8085, Optional.of("newsletter"), true),
            new ServiceSpec(WEB, 8086, Optional.empty(), false),
            new ServiceSpec(IDENTITY, 9000, Optional.of("identity"), true),
            new ServiceSpec(GATEWAY, 8080, Optional.of("gateway"), false));

    private ServiceCatalog() {
    }

    public static List<ServiceSpec> all() {
        return ALL;
    }

    /** The named services, in start order; fails on a name that is not a service, listing the valid ones. */
    public static List<ServiceSpec> only(Collection<String> names) {
        List<String> unknown = new ArrayList<>(names);
        unknown.removeAll(ALL.stream().map(ServiceSpec::name).toList());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown service(s) " + String.join(", ", unknown) + "; known: "
                    + String.join(", ", ALL.stream().map(ServiceSpec::name).toList()));
        }
        return ALL.stream().filter(s -> names.contains(s.name())).toList();
    }

    /** Every database name any service uses; all of them are created, whichever services run. */
    public static List<String> databases() {
        return ALL.stream().flatMap(s -> s.database().stream()).toList();
    }
}
