package dev.toolverdicts.web.api;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where web reaches each service's public API ({@code services.<name>.uri}), and the public site address
 * ({@code services.site.uri}, the gateway) that absolute links such as Open Graph URLs are built from.
 */
@ConfigurationProperties("services")
public record ServiceUris(
        @DefaultValue Service catalog,
        @DefaultValue Service comparison,
        @DefaultValue Service review,
        @DefaultValue Service vote,
        @DefaultValue Service newsletter,
        @DefaultValue Service site) {

    /** One upstream address. */
    public record Service(URI uri) {
    }
}
