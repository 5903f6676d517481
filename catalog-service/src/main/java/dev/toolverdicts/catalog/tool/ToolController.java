package dev.toolverdicts.catalog.tool;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The catalog's HTTP API for tools; the ETag is the tool's version. */
@RestController
@RequestMapping("/api/catalog/tools")
class ToolController {

    private final ToolService tools;

    ToolController(ToolService tools) {
        this.tools = tools;
    }

    @PostMapping
    ResponseEntity<ToolResponse> create(@Valid @RequestBody NewToolRequest request) {
        Tool tool = tools.create(request);
        return ResponseEntity.created(URI.create("/api/catalog/tools/" + tool.slug()))
                .eTag(etag(tool))
                .body(ToolResponse.of(tool));
    }

    @GetMapping("/{slug}")
    ResponseEntity<ToolResponse> get(@PathVariable String slug, WebRequest request) {
        Tool tool = tools.get(slug);
        if (request.checkNotModified(etag(tool))) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag(tool)).body(ToolResponse.of(tool));
    }

    @PostMapping("/{slug}/publish")
    ResponseEntity<ToolResponse> publish(@PathVariable String slug) {
        Tool tool = tools.publish(slug);
        return ResponseEntity.ok().eTag(etag(tool)).body(ToolResponse.of(tool));
    }

    private static String etag(Tool tool) {
        return "\"" + tool.version() + "\"";
    }
}
