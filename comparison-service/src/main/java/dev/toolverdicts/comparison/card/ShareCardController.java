package dev.toolverdicts.comparison.card;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.toolverdicts.comparison.cache.Tagged;
import dev.toolverdicts.comparison.compare.Comparison;
import dev.toolverdicts.comparison.compare.Comparisons;
import dev.toolverdicts.comparison.matchup.MatchupView;
import dev.toolverdicts.comparison.matchup.MatchupViews;
import dev.toolverdicts.comparison.tool.ToolVerdictView;
import dev.toolverdicts.comparison.tool.ToolViews;
import dev.toolverdicts.problem.FieldProblem;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Share card images of tools, matchups and ad-hoc comparisons for the pages' {@code og:image}. Drawing a card costs milliseconds, so
 * each is drawn once per view content: cards are kept by the view's ETag (a changed view has a new one, so an old
 * card is never served), and that ETag, marked as a card's, answers revalidations with 304.
 */
@RestController
class ShareCardController {

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final ToolViews tools;
    private final MatchupViews matchups;
    private final Comparisons comparisons;
    private final Cache<String, byte[]> drawn = Caffeine.newBuilder().maximumSize(2_000).build();

    ShareCardController(ToolViews tools, MatchupViews matchups, Comparisons comparisons) {
        this.tools = tools;
        this.matchups = matchups;
        this.comparisons = comparisons;
    }

    @GetMapping(value = "/cards/tools/{slug}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> tool(@PathVariable String slug, WebRequest request) {
        Tagged<ToolVerdictView> view = tools.get(slug)
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug", "no published tool is called " + slug));
        return card("tool", view.etag(), request, () -> ShareCard.tool(view.body()));
    }

    @GetMapping(value = "/cards/matchups/{slug}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> matchup(@PathVariable String slug, WebRequest request) {
        Tagged<MatchupView> view = matchups.get(slug)
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug", "no published matchup is called " + slug));
        return card("matchup", view.etag(), request,
                () -> ShareCard.matchup(view.body().headline(), view.body().tools()));
    }

    /** An ad-hoc comparison's card, as its page ({@code /compare?tools=a,b} or a pair without a matchup) asks. */
    @GetMapping(value = "/cards/compare.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> comparison(@RequestParam(required = false) String tools, WebRequest request) {
        Tagged<Comparison> comparison = comparisons.asked(tools);
        List<ToolVerdictView> compared = comparison.body().tools();
        return card("compare", comparison.etag(), request, () -> ShareCard.matchup(
                compared.stream().map(ToolVerdictView::name).collect(Collectors.joining(" vs ")), compared));
    }

    private ResponseEntity<byte[]> card(String kind, String viewTag, WebRequest request, Supplier<byte[]> draw) {
        String etag = "\"card-" + viewTag.replace("W/", "").replace("\"", "") + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        byte[] png = drawn.get(kind + etag, key -> draw.get());
        return ResponseEntity.ok().cacheControl(CACHE).eTag(etag).contentType(MediaType.IMAGE_PNG).body(png);
    }
}
