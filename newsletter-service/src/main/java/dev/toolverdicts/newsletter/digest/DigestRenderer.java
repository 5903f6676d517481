package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.newsletter.SiteLinks;
import dev.toolverdicts.newsletter.mail.MailTemplates;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders a digest into its HTML and plain-text parts. The unsubscribe link differs per subscriber, so the parts
 * carry {@link #UNSUBSCRIBE_PLACEHOLDER} and each delivery puts its own link in.
 */
@Component
class DigestRenderer {

    static final String UNSUBSCRIBE_PLACEHOLDER = "urn:tool-verdicts:unsubscribe";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final MailTemplates templates;
    private final SiteLinks links;

    DigestRenderer(MailTemplates templates, SiteLinks links) {
        this.templates = templates;
        this.links = links;
    }

    record Rendered(String subject, String html, String text) {
    }

    Rendered render(Digest digest) {
        Map<String, Object> model = Map.of(
                "subject", digest.subject(),
                "sections", digest.sections(),
                "periodStart", DAY.format(digest.periodStart()),
                "periodEnd", DAY.format(digest.periodEnd().minusSeconds(1)),
                "siteUrl", links.siteUrl(),
                "unsubscribeUrl", UNSUBSCRIBE_PLACEHOLDER);
        return new Rendered(digest.subject(), templates.html("mail/digest", model),
                templates.text("mail/digest", model));
    }
}
