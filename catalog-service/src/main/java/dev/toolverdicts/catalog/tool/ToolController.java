package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.problem.IfMatch;
import dev.toolverdicts.catalog.http.PageResponse;
import dev.toolverdicts.catalog.security.CatalogAccess;
import jakarta.validation.Valid;
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

/** The catalog's HTTP API for tools: public reads, editor writes; the ETag is the tool's version. */
@RestController
@RequestMapping("/api/catalog/tools")
class ToolController {

    private final ToolService tools;

    ToolController(ToolService tools) {
        this.tools = tools;
    }

    @PostMapping
    ResponseEntity<ToolResponse> create(@Valid @RequestBody ToolRequest request) {
        Tool tool = tools.create(request);
        return ResponseEntity.created(URI.create("/api/catalog/tools/" + tool.slug()))
                .eTag(IfMatch.etag(tool.version()))
                .body(ToolResponse.of(tool));
    }

    @GetMapping
    ResponseEntity<PageResponse<ToolResponse>> list(@Valid @ModelAttribute ToolQuery query) {
        ToolSearch.Result result = tools.list(query);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(PageResponse.of(result.tools().stream().map(ToolResponse::of).toList(), query.pageParams(),
                        result.total()));
    }

    @GetMapping("/{slug}")
    ResponseEntity<ToolResponse> get(@PathVariable String slug, Authentication caller, WebRequest request) {
        Tool tool = tools.get(slug, CatalogAccess.curates(caller));
        if (request.checkNotModified(IfMatch.etag(tool.version()))) {
            return null;
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).eTag(IfMatch.etag(tool.version()))
                .body(ToolResponse.of(tool));
    }

    @PutMapping("/{slug}")
    ResponseEntity<ToolResponse> update(@PathVariable String slug, @Valid @RequestBody ToolRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return written(tools.update(slug, request, IfMatch.of(ifMatch)));
    }

    @PostMapping("/{slug}/publish")
    ResponseEntity<ToolResponse> publish(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return written(tools.publish(slug, IfMatch.of(ifMatch)));
    }

    @PostMapping("/{slug}/archive")
    ResponseEntity<ToolResponse> archive(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return written(tools.archive(slug, IfMatch.of(ifMatch)));
    }

    private static ResponseEntity<ToolResponse> written(Tool tool) {
        return ResponseEntity.ok().eTag(IfMatch.etag(tool.version())).body(ToolResponse.of(tool));
    }
}
