package dev.toolverdicts.comparison.stream;

import dev.toolverdicts.comparison.feed.ViewStreams;
import dev.toolverdicts.comparison.matchup.MatchupViews;
import dev.toolverdicts.comparison.tool.ToolViews;
import dev.toolverdicts.events.comparison.ViewChangedEvent.Kind;
import dev.toolverdicts.problem.FieldProblem;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live pages subscribe here to hear when the view they show changed, then re-read it (its ETag makes that cheap).
 * Only a view that exists can be subscribed to: a stream for an unknown tool or matchup is a 404, never a held 200.
 */
@RestController
class ViewStreamController {

    private final ViewStreams streams;
    private final ToolViews tools;
    private final MatchupViews matchups;

    ViewStreamController(ViewStreams streams, ToolViews tools, MatchupViews matchups) {
        this.streams = streams;
        this.tools = tools;
        this.matchups = matchups;
    }

    @GetMapping(path = "/api/comparisons/tools/{slug}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter tool(@PathVariable String slug) throws IOException {
        if (tools.get(slug).isEmpty()) {
            throw new FieldProblem(HttpStatus.NOT_FOUND, "slug", "no published tool is called " + slug);
        }
        return streams.open(Kind.TOOL, slug);
    }

    @GetMapping(path = "/api/comparisons/matchups/{slug}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter matchup(@PathVariable String slug) throws IOException {
        if (matchups.get(slug).isEmpty()) {
            throw new FieldProblem(HttpStatus.NOT_FOUND, "slug", "no published matchup is called " + slug);
        }
        return streams.open(Kind.MATCHUP, slug);
    }
}
