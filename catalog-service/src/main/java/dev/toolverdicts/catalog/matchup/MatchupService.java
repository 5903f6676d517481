package dev.toolverdicts.catalog.matchup;

import dev.toolverdicts.problem.IfMatch;
import dev.toolverdicts.catalog.http.PageParams;
import dev.toolverdicts.catalog.http.PageResponse;
import dev.toolverdicts.catalog.tool.ToolDirectory;
import dev.toolverdicts.catalog.tool.ToolDirectory.ToolSummary;
import dev.toolverdicts.events.catalog.MatchupStatus;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.problem.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors' matchups: two distinct published tools side by side. Each change commits the new state and its event
 * together; a change that changes nothing emits nothing.
 */
@Service
class MatchupService {

    private static final String WHAT = "matchup";

    private final MatchupRepository matchups;
    private final ToolDirectory tools;
    private final MatchupChanges changes;
    private final Clock clock;

    MatchupService(MatchupRepository matchups, ToolDirectory tools, MatchupChanges changes, Clock clock) {
        this.matchups = matchups;
        this.tools = tools;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    Matchup create(MatchupRequest request) {
        if (request.toolA().equals(request.toolB())) {
            throw unprocessable("toolB", "must be a different tool than toolA");
        }
        ToolSummary a = publishedTool("toolA", request.toolA());
        ToolSummary b = publishedTool("toolB", request.toolB());
        if (a.id().equals(b.id())) {
            throw unprocessable("toolB", "names the same tool as toolA (by a former slug)");
        }
        Matchup matchup = Matchup.draft(new MatchupSide(a.id(), a.slug(), a.name()),
                new MatchupSide(b.id(), b.slug(), b.name()), request.headline().strip(), now());
        if (matchups.slugExists(matchup.slug())) {
            throw new FieldProblem(HttpStatus.CONFLICT, "slug", matchup.slug() + " exists already");
        }
        matchups.slugOfPair(a.id(), b.id()).ifPresent(existing -> {
            throw new FieldProblem(HttpStatus.CONFLICT, "toolB", "these two tools already meet in " + existing);
        });
        try {
            matchups.insert(matchup);
        } catch (DuplicateKeyException raced) {
            throw new FieldProblem(HttpStatus.CONFLICT, "slug", matchup.slug() + " exists already");
        }
        changes.recorded(matchup);
        return matchup;
    }

    @Transactional
    Matchup update(String slug, MatchupUpdate update, IfMatch ifMatch) {
        Matchup current = find(slug);
        ifMatch.require(current.version(), WHAT);
        String headline = update.headline().strip();
        if (headline.equals(current.headline())) {
            return current;
        }
        return save(current.withHeadline(headline, now()));
    }

    /** Publishing needs both tools to be published still; the first publication sets {@code publishedAt}. */
    @Transactional
    Matchup publish(String slug, IfMatch ifMatch) {
        Matchup current = find(slug);
        ifMatch.checkIfPresent(current.version(), WHAT);
        if (current.status() == MatchupStatus.PUBLISHED) {
            return current;
        }
        publishedTool("toolA", current.toolA().slug());
        publishedTool("toolB", current.toolB().slug());
        return save(current.withStatus(MatchupStatus.PUBLISHED, now()));
    }

    @Transactional
    Matchup archive(String slug, IfMatch ifMatch) {
        Matchup current = find(slug);
        ifMatch.checkIfPresent(current.version(), WHAT);
        if (current.status() == MatchupStatus.ARCHIVED) {
            return current;
        }
        return save(current.withStatus(MatchupStatus.ARCHIVED, now()));
    }

    @Transactional(readOnly = true)
    Matchup get(String slug, boolean editor) {
        Matchup matchup = find(slug);
        if (matchup.status() == MatchupStatus.DRAFT && !editor) {
            throw notFound(slug);
        }
        return matchup;
    }

    @Transactional(readOnly = true)
    PageResponse<MatchupResponse> latest(PageParams page) {
        return PageResponse.of(matchups.published(page).stream().map(MatchupResponse::of).toList(), page,
                matchups.countPublished());
    }

    private Matchup save(Matchup changed) {
        if (!matchups.update(changed)) {
            throw IfMatch.stale(WHAT, changed.version());
        }
        changes.recorded(changed);
        return changed;
    }

    private ToolSummary publishedTool(String field, String slug) {
        ToolSummary tool = tools.find(slug)
                .orElseThrow(() -> unprocessable(field, "no tool is called " + slug));
        if (tool.status() != ToolStatus.PUBLISHED) {
            throw unprocessable(field, tool.slug() + " is " + tool.status() + "; a matchup needs published tools");
        }
        return tool;
    }

    private Matchup find(String slug) {
        return matchups.findBySlug(slug).orElseThrow(() -> notFound(slug));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static FieldProblem notFound(String slug) {
        return new FieldProblem(HttpStatus.NOT_FOUND, "slug", "no matchup is called " + slug);
    }

    private static FieldProblem unprocessable(String field, String message) {
        return new FieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, field, message);
    }
}
