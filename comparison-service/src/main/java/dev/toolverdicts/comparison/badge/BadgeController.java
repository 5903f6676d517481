package dev.toolverdicts.comparison.badge;

import dev.toolverdicts.comparison.cache.Tagged;
import dev.toolverdicts.comparison.matchup.MatchupView;
import dev.toolverdicts.comparison.matchup.MatchupViews;
import dev.toolverdicts.comparison.tool.Share;
import dev.toolverdicts.comparison.tool.ToolVerdictView;
import dev.toolverdicts.comparison.tool.ToolViews;
import dev.toolverdicts.problem.FieldProblem;
import java.time.Duration;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Embeddable badges that carry a tool's or a matchup's panel verdict to other sites ("Panel ship 75% · Tool
 * Verdicts"), rendered from the hot views, so a badge changes as soon as a verdict does. Public caches may keep one
 * for a minute; after that the ETag (derived from the view's, so it changes exactly when the view does) makes a
 * revalidation a 304.
 */
@RestController
class BadgeController {

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
    static final String LABEL = "Panel ship";
    static final String NOT_RATED = "not rated";

    private final ToolViews tools;
    private final MatchupViews matchups;

    BadgeController(ToolViews tools, MatchupViews matchups) {
        this.tools = tools;
        this.matchups = matchups;
    }

    @GetMapping(value = "/badges/tools/{slug}.svg", produces = BadgeSvg.MEDIA_TYPE)
    ResponseEntity<String> tool(@PathVariable String slug, WebRequest request) {
        Tagged<ToolVerdictView> view = tools.get(slug)
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug", "no published tool is called " + slug));
        String etag = badgeTag(view.etag());
        if (request.checkNotModified(etag)) {
            return null;
        }
        Share panel = view.body().panel();
        return badge(BadgeSvg.render(LABEL, panel.hasData() ? panel.percent() + "%" : NOT_RATED, panel.percent()),
                etag);
    }

    @GetMapping(value = "/badges/matchups/{slug}.svg", produces = BadgeSvg.MEDIA_TYPE)
    ResponseEntity<String> matchup(@PathVariable String slug, WebRequest request) {
        Tagged<MatchupView> view = matchups.get(slug)
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug", "no published matchup is called " + slug));
        String etag = badgeTag(view.etag());
        if (request.checkNotModified(etag)) {
            return null;
        }
        String value = view.body().tools().stream()
                .map(tool -> tool.name() + " " + (tool.panel().hasData() ? tool.panel().percent() + "%" : NOT_RATED))
                .collect(Collectors.joining(" vs "));
        Integer best = view.body().tools().stream().map(tool -> tool.panel().percent())
                .filter(percent -> percent != null).max(Integer::compare).orElse(null);
        return badge(BadgeSvg.render(LABEL, value, best), etag);
    }

    /** The view's ETag marked as a badge's (same content, same badge). */
    static String badgeTag(String viewTag) {
        String bare = viewTag.replace("W/", "").replace("\"", "");
        return "\"badge-" + bare + "\"";
    }

    private static ResponseEntity<String> badge(String svg, String etag) {
        return ResponseEntity.ok().cacheControl(CACHE).eTag(etag)
                .contentType(MediaType.parseMediaType(BadgeSvg.MEDIA_TYPE + ";charset=UTF-8")).body(svg);
    }
}
