package dev.toolverdicts.testsupport;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks a feed against what RFC 4287 requires, with the JDK's XML parser (namespace-aware, no external entities):
 * a {@code feed} in the Atom namespace with {@code id}, {@code title}, {@code updated} (an RFC 3339 date-time),
 * an {@code author} and a {@code link}; every entry with its own {@code id}, {@code title}, {@code updated} and an
 * alternate {@code link} (an entry may take its author from the feed). Then a feed reader's parser (ROME, which
 * many Java readers and aggregators use) must read it as Atom 1.0 with the same entries.
 */
public final class AtomFeeds {

    public static final String ATOM = "http://www.w3.org/2005/Atom";

    /** A feed's entries as tests read them. */
    public record Entry(String id, String title, String updated, String link) {
    }

    private AtomFeeds() {
    }

    /** The feed's entries, in document order; fails with the first rule the feed breaks. */
    public static List<Entry> entriesOfValid(String xml) {
        Element feed = parse(xml).getDocumentElement();
        check(ATOM.equals(feed.getNamespaceURI()) && "feed".equals(feed.getLocalName()),
                "the root is not an Atom feed: " + feed.getNodeName());
        for (String required : List.of("id", "title", "updated", "author", "link")) {
            check(child(feed, required) != null, "the feed has no " + required);
        }
        dateTime(text(child(feed, "updated")), "the feed's updated");
        check(child(child(feed, "author"), "name") != null, "the feed's author has no name");
        List<Entry> entries = new ArrayList<>();
        NodeList nodes = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element entry = (Element) nodes.item(i);
            for (String required : List.of("id", "title", "updated", "link")) {
                check(child(entry, required) != null, "entry " + i + " has no " + required);
            }
            dateTime(text(child(entry, "updated")), "entry " + i + "'s updated");
            entries.add(new Entry(text(child(entry, "id")), text(child(entry, "title")),
                    text(child(entry, "updated")), child(entry, "link").getAttribute("href")));
        }
        List<Entry> read = asAFeedReaderReadsIt(xml);
        check(read.stream().allMatch(entry -> entry.updated() != null), "a feed reader (ROME) finds no updated time");
        check(withoutTimes(read).equals(withoutTimes(entries)), "a feed reader (ROME) reads other entries: "
                + read + " instead of " + entries);
        return entries;
    }

    // how precisely a reader keeps the time (ROME: milliseconds) is the reader's business
    private static List<Entry> withoutTimes(List<Entry> entries) {
        return entries.stream().map(entry -> new Entry(entry.id(), entry.title(), "", entry.link())).toList();
    }

    /** The entries as ROME's Atom 1.0 parser reads them; fails unless it takes the document for Atom 1.0. */
    static List<Entry> asAFeedReaderReadsIt(String xml) {
        WireFeed parsed;
        try {
            parsed = new WireFeedInput(false, Locale.ROOT).build(new StringReader(xml));
        } catch (Exception e) {
            throw new AssertionError("a feed reader (ROME) cannot read the feed: " + e.getMessage(), e);
        }
        check("atom_1.0".equals(parsed.getFeedType()) && parsed instanceof Feed,
                "a feed reader (ROME) does not read it as Atom 1.0 but as " + parsed.getFeedType());
        return ((Feed) parsed).getEntries().stream().map(entry -> new Entry(entry.getId(), entry.getTitle(),
                entry.getUpdated() == null ? null : entry.getUpdated().toInstant().toString(),
                entry.getAlternateLinks().stream().findFirst().map(Link::getHref)
                        .orElseGet(() -> entry.getOtherLinks().isEmpty() ? null
                                : entry.getOtherLinks().getFirst().getHref()))).toList();
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element.getTextContent().trim();
    }

    private static void dateTime(String text, String what) {
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new AssertionError(what + " is not an RFC 3339 date-time: " + text);
        }
    }

    private static void check(boolean holds, String failure) {
        if (!holds) {
            throw new AssertionError(failure);
        }
    }
}
