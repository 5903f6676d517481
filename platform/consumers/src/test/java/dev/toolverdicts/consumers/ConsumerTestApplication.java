package dev.toolverdicts.consumers;

import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A service with one consumer, "tally-copy": a version-guarded in-memory copy of tallies, and a catalog handler that
 * cannot apply tools whose slug starts with "poison".
 */
@SpringBootApplication
class ConsumerTestApplication {

    static final Map<UUID, Long> TALLY_VERSIONS = new ConcurrentHashMap<>();

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    EventConsumer tallyCopy() {
        return EventConsumer.of("tally-copy",
                EventHandler.of(EventTypes.VOTE_TALLY, ConsumerTestApplication::applyTally),
                EventHandler.of(EventTypes.CATALOG_TOOL, ConsumerTestApplication::applyTool));
    }

    private static boolean applyTally(VoteTallyEvent event) {
        Long held = TALLY_VERSIONS.get(event.toolId());
        if (held != null && held >= event.version()) {
            return false;
        }
        TALLY_VERSIONS.put(event.toolId(), event.version());
        return true;
    }

    private static boolean applyTool(ToolEvent event) {
        if (event.slug().startsWith("poison")) {
            throw new IllegalStateException("cannot apply " + event.slug());
        }
        return true;
    }
}
