package dev.toolverdicts.comparison.feed;

import dev.toolverdicts.events.comparison.ViewChangedEvent.Kind;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live pages subscribe here to hear when the view they show changed, then re-read it (its ETag makes that cheap). */
@RestController
class ViewStreamController {

    private final ViewStreams streams;

    ViewStreamController(ViewStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/comparisons/tools/{slug}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter tool(@PathVariable String slug) throws IOException {
        return streams.open(Kind.TOOL, slug);
    }

    @GetMapping(path = "/api/comparisons/matchups/{slug}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter matchup(@PathVariable String slug) throws IOException {
        return streams.open(Kind.MATCHUP, slug);
    }
}
