package dev.toolverdicts.publishedtools;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A service that keeps the copy and remembers which tools its callback saw land. */
@SpringBootApplication
class PublishedToolsTestApplication {

    static final List<UUID> LANDED = new CopyOnWriteArrayList<>();

    @Bean
    ToolAppliedCallback rememberLanded() {
        return event -> LANDED.add(event.toolId());
    }
}
