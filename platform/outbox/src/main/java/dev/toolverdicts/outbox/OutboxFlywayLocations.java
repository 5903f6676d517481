package dev.toolverdicts.outbox;

import java.util.Arrays;
import java.util.stream.Stream;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * Adds the outbox table's migrations ({@value #LOCATION}) to the service's own Flyway locations, and lets them run
 * out of order (see {@link #customize}).
 */
final class OutboxFlywayLocations implements FlywayConfigurationCustomizer {

    static final String LOCATION = "classpath:db/outbox";

    @Override
    public void customize(FluentConfiguration configuration) {
        // the outbox's versions (0.x) sort below the service's own (1, 2...): a later outbox migration, e.g. V0_2,
        // must still run on a database that already has the service's V1 and up
        configuration.outOfOrder(true);
        Location outbox = new Location(LOCATION);
        Location[] current = configuration.getLocations();
        if (Arrays.stream(current).anyMatch(location -> location.getDescriptor().equals(outbox.getDescriptor()))) {
            return;
        }
        configuration.locations(Stream.concat(Arrays.stream(current), Stream.of(outbox)).toArray(Location[]::new));
    }
}
