package dev.toolverdicts.comparison.atom;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) as XML text, written with the JDK's StAX writer so every text is escaped: the feed's
 * id, title, updated, author and self and alternate links, then its entries newest first.
 */
record AtomFeed(String id, String title, String selfUrl, String pageUrl, List<Entry> entries) {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    static final String MEDIA_TYPE = "application/atom+xml";

    /** One entry: a verdict or a matchup, at its page. */
    record Entry(String id, String title, Instant updated, String author, String url, String summary,
            String category) {
    }

    /** The newest entry's time; a feed without entries is as old as the epoch, so its ETag stays put. */
    Instant updated() {
        return entries.stream().map(Entry::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    String xml() {
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            text(xml, "id", id);
            text(xml, "title", title);
            text(xml, "updated", updated().toString());
            xml.writeStartElement("author");
            text(xml, "name", "Tool Verdicts");
            xml.writeEndElement();
            link(xml, "self", selfUrl, MEDIA_TYPE);
            link(xml, "alternate", pageUrl, "text/html");
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                text(xml, "id", entry.id());
                text(xml, "title", entry.title());
                text(xml, "updated", entry.updated().toString());
                xml.writeStartElement("author");
                text(xml, "name", entry.author());
                xml.writeEndElement();
                link(xml, "alternate", entry.url(), "text/html");
                if (entry.category() != null) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", entry.category());
                }
                if (entry.summary() != null) {
                    text(xml, "summary", entry.summary());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed " + id, e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
