package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.ToolStatus;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What other features of the catalog (matchups) may know about a tool, looked up by any slug it has or had. */
@Component
public class ToolDirectory {

    /** A tool's identity, current slug and name, and status. */
    public record ToolSummary(UUID id, String slug, String name, ToolStatus status) {
    }

    private final ToolRepository tools;

    ToolDirectory(ToolRepository tools) {
        this.tools = tools;
    }

    public Optional<ToolSummary> find(String slug) {
        return tools.findBySlug(slug)
                .map(tool -> new ToolSummary(tool.id(), tool.slug(), tool.content().name(), tool.status()));
    }
}
