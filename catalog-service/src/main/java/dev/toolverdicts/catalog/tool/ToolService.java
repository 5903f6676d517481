package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.problem.IfMatch;
import dev.toolverdicts.catalog.http.SlugMoved;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.problem.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors' changes to tools: each one commits the new state and its event together, or neither. A change that
 * changes nothing (same content, publishing a published tool) emits nothing, so retries are safe.
 */
@Service
class ToolService {

    private static final String WHAT = "tool";

    private final ToolRepository tools;
    private final ToolSearch search;
    private final ToolChanges changes;
    private final Clock clock;

    ToolService(ToolRepository tools, ToolSearch search, ToolChanges changes, Clock clock) {
        this.tools = tools;
        this.search = search;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    Tool create(ToolRequest request) {
        ToolRules.check(request);
        ToolContent content = ToolContent.from(request);
        if (tools.slugOwner(content.slug()).isPresent()) {
            throw slugTaken();
        }
        Tool tool = Tool.draft(content, now());
        try {
            tools.insert(tool);
        } catch (DuplicateKeyException raced) {
            throw slugTaken();
        }
        changes.recorded(tool);
        return tool;
    }

    /** Replaces the content; a new slug renames the tool and the old one keeps redirecting to it. */
    @Transactional
    Tool update(String slug, ToolRequest request, IfMatch ifMatch) {
        Tool current = resolve(slug);
        ifMatch.require(current.version(), WHAT);
        ToolRules.check(request);
        ToolContent content = ToolContent.from(request);
        if (content.equals(current.content())) {
            return current;
        }
        Optional<UUID> owner = tools.slugOwner(content.slug());
        if (owner.isPresent() && !owner.get().equals(current.id())) {
            throw slugTaken();
        }
        Tool changed = current.withContent(content, now());
        try {
            if (!tools.update(changed)) {
                throw IfMatch.stale(WHAT, changed.version());
            }
        } catch (DuplicateKeyException raced) {
            throw slugTaken();
        }
        changes.recorded(changed);
        return changed;
    }

    @Transactional
    Tool publish(String slug, IfMatch ifMatch) {
        return changeStatus(slug, ToolStatus.PUBLISHED, ifMatch);
    }

    @Transactional
    Tool archive(String slug, IfMatch ifMatch) {
        return changeStatus(slug, ToolStatus.ARCHIVED, ifMatch);
    }

    /** The tool at {@code slug}; drafts only for editors. A former slug answers with {@link SlugMoved}. */
    @Transactional(readOnly = true)
    Tool get(String slug, boolean editor) {
        Tool tool = resolve(slug);
        if (tool.status() == ToolStatus.DRAFT && !editor) {
            throw notFound(slug);
        }
        return tool;
    }

    @Transactional(readOnly = true)
    ToolSearch.Result list(ToolQuery query) {
        if (query.minParams() != null && query.maxParams() != null
                && query.minParams().compareTo(query.maxParams()) > 0) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, "maxParams", "must not be below minParams");
        }
        return search.find(query);
    }

    private Tool changeStatus(String slug, ToolStatus status, IfMatch ifMatch) {
        Tool tool = resolve(slug);
        ifMatch.checkIfPresent(tool.version(), WHAT);
        if (tool.status() == status) {
            return tool;
        }
        Tool changed = tool.withStatus(status, now());
        if (!tools.update(changed)) {
            throw IfMatch.stale(WHAT, changed.version());
        }
        changes.recorded(changed);
        return changed;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Tool resolve(String slug) {
        Tool tool = tools.findBySlug(slug).orElseThrow(() -> notFound(slug));
        if (!tool.slug().equals(slug)) {
            throw new SlugMoved(slug, tool.slug());
        }
        return tool;
    }

    private static FieldProblem notFound(String slug) {
        return new FieldProblem(HttpStatus.NOT_FOUND, "slug", "no tool is called " + slug);
    }

    private static FieldProblem slugTaken() {
        return new FieldProblem(HttpStatus.CONFLICT, "slug", "is already taken by another tool, now or formerly");
    }
}
