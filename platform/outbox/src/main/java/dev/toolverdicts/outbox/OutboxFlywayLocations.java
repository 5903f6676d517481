package dev.toolverdicts.outbox;

import java.util.Arrays;
import java.util.stream.Stream;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/** Adds the outbox table's migration ({@value #LOCATION}) to the service's own Flyway locations. */
final class OutboxFlywayLocations implements FlywayConfigurationCustomizer {

    static final String LOCATION = "classpath:db/outbox";

    @Override
    public void customize(FluentConfiguration configuration) {
        Location outbox = new Location(LOCATION);
        Location[] current = configuration.getLocations();
        if (Arrays.stream(current).anyMatch(location -> location.getDescriptor().equals(outbox.getDescriptor()))) {
            return;
        }
        configuration.locations(Stream.concat(Arrays.stream(current), Stream.of(outbox)).toArray(Location[]::new));
    }
}
