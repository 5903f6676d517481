package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.problem.FieldProblem;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Editors' changes to tools: each one commits the new state and its event together, or neither. */
@Service
class ToolService {

    private final ToolRepository tools;
    private final ToolChanges changes;
    private final Clock clock;

    ToolService(ToolRepository tools, ToolChanges changes, Clock clock) {
        this.tools = tools;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    Tool create(NewToolRequest request) {
        if (tools.slugExists(request.slug())) {
            throw slugTaken();
        }
        Tool tool = Tool.draft(request, clock.instant());
        try {
            tools.insert(tool);
        } catch (DuplicateKeyException raced) {
            throw slugTaken();
        }
        changes.recorded(tool);
        return tool;
    }

    /** Publishing a published tool changes nothing and emits nothing, so retries are safe. */
    @Transactional
    Tool publish(String slug) {
        Tool tool = get(slug);
        if (tool.status() == ToolStatus.PUBLISHED) {
            return tool;
        }
        Tool published = tool.withStatus(ToolStatus.PUBLISHED, clock.instant());
        if (!tools.update(published)) {
            throw new FieldProblem(HttpStatus.CONFLICT, "version", "the tool changed meanwhile; read it and retry");
        }
        changes.recorded(published);
        return published;
    }

    @Transactional(readOnly = true)
    Tool get(String slug) {
        return tools.findBySlug(slug)
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug", "no tool is called " + slug));
    }

    private static FieldProblem slugTaken() {
        return new FieldProblem(HttpStatus.CONFLICT, "slug", "is already taken by another tool");
    }
}
