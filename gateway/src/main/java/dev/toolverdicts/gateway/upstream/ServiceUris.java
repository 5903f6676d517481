package dev.toolverdicts.gateway.upstream;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where each service is reached from the gateway ({@code services.<name>.uri}); identity also has its public issuer. */
@ConfigurationProperties("services")
public record ServiceUris(Service catalog, Service comparison, Service review, Service vote, Service newsletter,
        Service web, Identity identity) {

    /** One upstream service. */
    public record Service(URI uri) {
    }

    /** The identity service: {@code uri} for server-to-server calls, {@code issuer} as browsers and tokens name it. */
    public record Identity(URI uri, URI issuer) {
    }
}
