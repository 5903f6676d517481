package dev.toolverdicts.newsletter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every absolute URL a mail carries, from one configurable public base (the gateway): tool and matchup pages of the
 * web app, and the subscription links that the gateway routes back to this service.
 *
 * @param siteUrl the public base URL, e.g. {@code https://toolverdicts.dev}
 * @param from the From address of every mail
 */
@ConfigurationProperties("newsletter")
public record SiteLinks(
        @DefaultValue("http://localhost:8080") String siteUrl,
        @DefaultValue("Tool Verdicts <digest@toolverdicts.dev>") String from) {

    public SiteLinks {
        siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    public String tool(String slug) {
        return siteUrl + "/tools/" + encode(slug);
    }

    public String matchup(String slugA, String slugB) {
        return siteUrl + "/compare/" + encode(slugA) + "-vs-" + encode(slugB);
    }

    public String confirm(String token) {
        return siteUrl + "/api/newsletter/subscriptions/confirm?token=" + encode(token);
    }

    public String unsubscribe(String token) {
        return siteUrl + "/api/newsletter/subscriptions/unsubscribe?token=" + encode(token);
    }

    public String archive() {
        return siteUrl + "/newsletter";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
