package dev.toolverdicts.gateway.docs;

import dev.toolverdicts.events.asyncapi.AsyncApiDocument;
import java.time.Duration;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The documentation door of the open platform: Swagger UI over the merged document and each service's own (a
 * static page with the swagger-ui webjar; no script inline, as the site's CSP wants), the merged OpenAPI document,
 * and the AsyncAPI document of the events, generated from the event contract the gateway's classpath carries.
 */
@RestController
class ApiDocsController {

    static final String UI = "/api/docs";
    static final String MERGED = "/api/docs/openapi";
    static final String EVENTS = "/api/docs/events";
    static final String UI_ASSETS = "/api/docs/ui/";

    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Tool Verdicts API docs</title>
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <link rel="stylesheet" href="/api/docs/ui/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/api/docs/ui/swagger-ui-bundle.js"></script>
              <script src="/api/docs/ui/swagger-ui-standalone-preset.js"></script>
              <script src="/api/docs/swagger-initializer.js"></script>
            </body>
            </html>
            """;

    private final MergedOpenApi merged;
    private final DocumentedServices services;
    private final String events = AsyncApiDocument.generate().toPrettyString();

    ApiDocsController(MergedOpenApi merged, DocumentedServices services) {
        this.merged = merged;
        this.services = services;
    }

    @GetMapping(value = UI, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> ui() {
        return ResponseEntity.ok().cacheControl(SHORT).body(PAGE);
    }

    @GetMapping(value = "/api/docs/swagger-initializer.js", produces = "text/javascript")
    ResponseEntity<String> initializer() {
        String urls = "{url: \"" + MERGED + "\", name: \"All APIs\"}, " + services.all().stream()
                .map(service -> "{url: \"" + service.path() + "\", name: \"" + service.name() + "\"}")
                .collect(Collectors.joining(", "));
        String script = """
                window.onload = function () {
                  window.ui = SwaggerUIBundle({
                    urls: [%s],
                    "urls.primaryName": "All APIs",
                    dom_id: "#swagger-ui",
                    deepLinking: true,
                    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                    layout: "StandaloneLayout"
                  });
                };
                """.formatted(urls);
        return ResponseEntity.ok().cacheControl(SHORT).body(script);
    }

    @GetMapping(value = MERGED, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> mergedDocument() {
        return ResponseEntity.ok().cacheControl(SHORT).body(merged.document());
    }

    @GetMapping(value = EVENTS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> eventsDocument() {
        return ResponseEntity.ok().cacheControl(SHORT).body(events);
    }
}
