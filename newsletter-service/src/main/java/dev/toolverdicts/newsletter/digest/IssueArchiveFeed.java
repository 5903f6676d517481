package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.newsletter.SiteLinks;
import dev.toolverdicts.servicedefaults.security.AccessRules;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The newsletter archive as an Atom feed ({@code /feeds/newsletter.atom}): each issue that went out is an entry
 * linking to its archive page, so a feed reader is another way to get the weekly digest without giving an address.
 */
@RestController
class IssueArchiveFeed {

    static final String PATH = "/feeds/newsletter.atom";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int ENTRIES = 52;

    private final IssueRepository issues;
    private final SiteLinks links;

    IssueArchiveFeed(IssueRepository issues, SiteLinks links) {
        this.issues = issues;
        this.links = links;
    }

    @GetMapping(value = PATH, produces = "application/atom+xml")
    ResponseEntity<String> feed(WebRequest request) {
        String xml = xml(issues.archive(ENTRIES));
        String etag = "\"" + DigestUtils.md5DigestAsHex(xml.getBytes(StandardCharsets.UTF_8)) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).eTag(etag)
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8")).body(xml);
    }

    private String xml(List<Issue> sent) {
        String site = links.siteUrl();
        Instant updated = sent.stream().map(Issue::createdAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", site + PATH);
            text(xml, "title", "Tool Verdicts weekly digest");
            text(xml, "updated", updated.toString());
            xml.writeStartElement("author");
            text(xml, "name", "Tool Verdicts");
            xml.writeEndElement();
            link(xml, "self", site + PATH, "application/atom+xml");
            link(xml, "alternate", site + "/newsletter", "text/html");
            for (Issue issue : sent) {
                xml.writeStartElement("entry");
                text(xml, "id", site + "/newsletter/issues/" + issue.isoWeek());
                text(xml, "title", issue.subject() == null ? "Week " + issue.isoWeek() : issue.subject());
                text(xml, "updated", issue.createdAt().toString());
                link(xml, "alternate", site + "/newsletter/issues/" + issue.isoWeek(), "text/html");
                text(xml, "summary", "The digest of " + issue.isoWeek() + ": new verdicts and matchups of the week.");
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the newsletter feed", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /** Feed readers poll without a token. */
    @Configuration(proxyBeanMethods = false)
    static class Access {

        @Bean
        AccessRules newsletterFeedAccessRules() {
            return requests -> requests.requestMatchers(HttpMethod.GET, PATH).permitAll();
        }
    }
}
