package dev.toolverdicts.publishedtools;

import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * Adds the copy's migrations ({@value #LOCATION}, versions 0.100.x) to the service's own Flyway locations and lets
 * them run out of order: on a database that already has the service's V1 they still run, and before the service's
 * own later migrations (which may copy an older table into {@code published_tool}).
 */
final class PublishedToolsFlywayLocations implements FlywayConfigurationCustomizer {

    static final String LOCATION = "classpath:db/published-tools";

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.outOfOrder(true);
        Location copy = new Location(LOCATION);
        Location[] current = configuration.getLocations();
        if (Arrays.stream(current).anyMatch(location -> location.getDescriptor().equals(copy.getDescriptor()))) {
            return;
        }
        configuration.locations(Stream.concat(Arrays.stream(current), Stream.of(copy)).toArray(Location[]::new));
    }
}
