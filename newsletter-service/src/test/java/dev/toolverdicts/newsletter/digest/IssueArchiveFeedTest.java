package dev.toolverdicts.newsletter.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.AtomFeeds;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The archive feed lists the issues that went out (never a quiet week) as valid Atom, anonymously, with an ETag. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.listener.auto-startup=false")
@WithPostgres
@WithKafka
@WithJwtIssuer
class IssueArchiveFeedTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theIssuesThatWentOutAreEntriesOfAValidAtomFeed() throws Exception {
        issue("2026-W46", "SENT", "Week 46: SmolVLM-3B vs Code Llama 4");
        issue("2026-W47", "QUIET", "nothing happened");
        issue("2026-W48", "SENDING", "Week 48: Llama 4 Compact joins");

        HttpResponse<String> feed = get(null);

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(AtomFeeds.entriesOfValid(feed.body())).extracting(AtomFeeds.Entry::title)
                .containsSubsequence("Week 48: Llama 4 Compact joins", "Week 46: SmolVLM-3B vs Code Llama 4")
                .doesNotContain("nothing happened");
        assertThat(feed.body()).contains("http://localhost:8080/newsletter/issues/2026-W46");
        assertThat(get(feed.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
    }

    private void issue(String week, String status, String subject) {
        Instant at = Instant.parse("2026-11-01T09:00:00Z");
        jdbc.sql("""
                insert into issue (iso_week, status, version, subject, period_start, period_end, items, html_body,
                                   text_body, recipients, created_at)
                values (?, ?, 1, ?, ?, ?, '[]', '', '', 0, ?)""")
                .params(week, status, subject, Timestamp.from(at), Timestamp.from(at),
                        Timestamp.from(at.plusSeconds(week.hashCode() & 0xffff)))
                .update();
    }

    private HttpResponse<String> get(String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + IssueArchiveFeed.PATH));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
