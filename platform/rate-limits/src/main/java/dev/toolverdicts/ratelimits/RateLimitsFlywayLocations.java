package dev.toolverdicts.ratelimits;

import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * Adds the bucket table's migrations ({@value #LOCATION}, versions 0.200.x) to the service's own Flyway locations and
 * lets them run out of order: on a database that already has the service's own migrations they still run, and
 * before the service's later ones (which may copy an older bucket table into {@code rate_limit_bucket}).
 */
final class RateLimitsFlywayLocations implements FlywayConfigurationCustomizer {

    static final String LOCATION = "classpath:db/rate-limits";

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.outOfOrder(true);
        Location buckets = new Location(LOCATION);
        Location[] current = configuration.getLocations();
        if (Arrays.stream(current).anyMatch(location -> location.getDescriptor().equals(buckets.getDescriptor()))) {
            return;
        }
        configuration.locations(Stream.concat(Arrays.stream(current), Stream.of(buckets)).toArray(Location[]::new));
    }
}
