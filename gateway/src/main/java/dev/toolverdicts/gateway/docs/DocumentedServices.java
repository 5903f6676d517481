package dev.toolverdicts.gateway.docs;

import dev.toolverdicts.gateway.upstream.ServiceUris;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/** The services whose OpenAPI documents the gateway shows, each at its stable path behind its own route. */
@Component
class DocumentedServices {

    /** One service's document: its name in the UI, where the gateway fetches it, and its public path. */
    record Documented(String name, URI origin, String path) {

        URI location() {
            return origin.resolve(path);
        }
    }

    private final List<Documented> services;

    DocumentedServices(ServiceUris uris) {
        this.services = List.of(
                new Documented("catalog", uris.catalog().uri(), "/api/catalog/openapi"),
                new Documented("comparisons", uris.comparison().uri(), "/api/comparisons/openapi"),
                new Documented("reviews", uris.review().uri(), "/api/reviews/openapi"),
                new Documented("votes", uris.vote().uri(), "/api/votes/openapi"),
                new Documented("newsletter", uris.newsletter().uri(), "/api/newsletter/openapi"),
                new Documented("identity", uris.identity().uri(), "/api/identity/openapi"));
    }

    List<Documented> all() {
        return services;
    }
}
