package dev.toolverdicts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Atom check accepts a minimal valid feed and names what an invalid one lacks. */
class AtomFeedsTest {

    private static final String VALID = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>t</title>
            <updated>2026-12-01T10:00:00Z</updated><author><name>a</name></author><link href="http://x/"/>
            <entry><id>urn:e</id><title>e</title><updated>2026-12-01T10:00:00Z</updated><link href="http://x/e"/></entry>
            </feed>""";

    @Test
    void aValidFeedGivesItsEntries() {
        assertThat(AtomFeeds.entriesOfValid(VALID)).containsExactly(
                new AtomFeeds.Entry("urn:e", "e", "2026-12-01T10:00:00Z", "http://x/e"));
    }

    @Test
    void aFeedReadersParserReadsTheSameEntries() {
        assertThat(AtomFeeds.asAFeedReaderReadsIt(VALID)).extracting(AtomFeeds.Entry::id, AtomFeeds.Entry::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("urn:e", "http://x/e"));
    }

    @Test
    void anEntryAFeedReaderDoesNotSeeFailsTheCheck() {
        String nested = VALID.replace("<author><name>a</name></author>",
                "<author><name>a</name><entry><id>urn:n</id><title>n</title><updated>2026-12-01T10:00:00Z</updated>"
                        + "<link href=\"http://x/n\"/></entry></author>");

        assertThatThrownBy(() -> AtomFeeds.entriesOfValid(nested)).hasMessageContaining("a feed reader (ROME)");
    }

    @Test
    void whatAFeedLacksIsNamed() {
        assertThatThrownBy(() -> AtomFeeds.entriesOfValid(VALID.replace("<updated>2026-12-01T10:00:00Z</updated><author>",
                "<author>"))).hasMessageContaining("the feed has no updated");
        assertThatThrownBy(() -> AtomFeeds.entriesOfValid(VALID.replace("<id>urn:e</id>", "")))
                .hasMessageContaining("entry 0 has no id");
        assertThatThrownBy(() -> AtomFeeds.entriesOfValid(VALID.replace("http://www.w3.org/2005/Atom", "urn:other")))
                .hasMessageContaining("not an Atom feed");
        assertThatThrownBy(() -> AtomFeeds.entriesOfValid(VALID.replace("2026-12-01T10:00:00Z</updated><link href=\"http://x/e\"",
                "yesterday</updated><link href=\"http://x/e\""))).hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> AtomFeeds.entriesOfValid("<feed")).hasMessageContaining("well-formed");
    }
}
