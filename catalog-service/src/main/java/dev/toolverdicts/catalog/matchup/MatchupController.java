package dev.toolverdicts.catalog.matchup;

import dev.toolverdicts.problem.IfMatch;
import dev.toolverdicts.catalog.http.PageParams;
import dev.toolverdicts.catalog.http.PageResponse;
import dev.toolverdicts.catalog.security.CatalogAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The catalog's HTTP API for matchups: public reads (latest first), editor writes; the ETag is the version. */
@RestController
@RequestMapping("/api/catalog/matchups")
class MatchupController {

    /** The page of the matchup list. */
    record MatchupPage(@Min(0) @Max(PageParams.MAX_PAGE) Integer page,
            @Min(1) @Max(PageParams.MAX_SIZE) Integer size) {
    }

    private final MatchupService matchups;

    MatchupController(MatchupService matchups) {
        this.matchups = matchups;
    }

    @PostMapping
    ResponseEntity<MatchupResponse> create(@Valid @RequestBody MatchupRequest request) {
        Matchup matchup = matchups.create(request);
        return ResponseEntity.created(URI.create("/api/catalog/matchups/" + matchup.slug()))
                .eTag(IfMatch.etag(matchup.version()))
                .body(MatchupResponse.of(matchup));
    }

    @GetMapping
    ResponseEntity<PageResponse<MatchupResponse>> latest(@Valid @ModelAttribute MatchupPage page) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(matchups.latest(PageParams.of(page.page(), page.size())));
    }

    @GetMapping("/{slug}")
    ResponseEntity<MatchupResponse> get(@PathVariable String slug, Authentication caller, WebRequest request) {
        Matchup matchup = matchups.get(slug, CatalogAccess.curates(caller));
        if (request.checkNotModified(IfMatch.etag(matchup.version()))) {
            return null;
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).eTag(IfMatch.etag(matchup.version()))
                .body(MatchupResponse.of(matchup));
    }

    @PutMapping("/{slug}")
    ResponseEntity<MatchupResponse> update(@PathVariable String slug, @Valid @RequestBody MatchupUpdate update,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return written(matchups.update(slug, update, IfMatch.of(ifMatch)));
    }

    @PostMapping("/{slug}/publish")
    ResponseEntity<MatchupResponse> publish(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return written(matchups.publish(slug, IfMatch.of(ifMatch)));
    }

    @PostMapping("/{slug}/archive")
    ResponseEntity<MatchupResponse> archive(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return written(matchups.archive(slug, IfMatch.of(ifMatch)));
    }

    private static ResponseEntity<MatchupResponse> written(Matchup matchup) {
        return ResponseEntity.ok().eTag(IfMatch.etag(matchup.version())).body(MatchupResponse.of(matchup));
    }
}
