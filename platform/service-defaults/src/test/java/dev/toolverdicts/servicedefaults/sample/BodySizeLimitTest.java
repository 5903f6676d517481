package dev.toolverdicts.servicedefaults.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The one request body limit of the platform (default 64 KiB), for declared and for chunked bodies. */
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BodySizeLimitTest {

    private static final int LIMIT = 65536;

    @LocalServerPort
    int port;

    private HttpResponse<String> post(BodyPublisher body) {
        return new Http(port).post("/api/things", TestJwts.token("editor-1", "EDITOR"), body);
    }

    private static BodyPublisher chunked(int bytes) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[bytes]));
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJsonNamingTheBodyWhetherDeclaredOrChunked() {
        HttpResponse<String> declared = post(BodyPublishers.ofByteArray(new byte[LIMIT + 1]));
        HttpResponse<String> chunked = post(chunked(LIMIT + 1));

        for (HttpResponse<String> response : List.of(declared, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":413", "\"field\":\"body\"");
        }
    }

    @Test
    void aBodyAtTheLimitArrivesWholeWhetherDeclaredOrChunked() {
        assertThat(post(BodyPublishers.ofByteArray(new byte[LIMIT])).body()).isEqualTo(Integer.toString(LIMIT));
        HttpResponse<String> chunked = post(chunked(LIMIT));
        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(chunked.body()).as("the buffered chunked body is replayed in full").isEqualTo(Integer.toString(LIMIT));
        assertThat(post(chunked(10)).body()).isEqualTo("10");
    }

    @Test
    void aReplayedChunkedBodyIsFramedByItsLengthOnly() {
        HttpResponse<String> response = new Http(port).post("/api/framing", null, chunked(100));

        assertThat(response.body()).isEqualTo("TE=null;CL=100");
    }

    @Test
    void aChunkedFormKeepsItsParametersForTheContainerToParse() {
        HttpResponse<String> response = new Http(port).send(new Http(port).request("/api/forms", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("name=chunky".getBytes()))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("chunky");
    }

    @Test
    void theLimitComesBeforeSecurity() {
        HttpResponse<String> anonymous = new Http(port).post("/api/things", null,
                BodyPublishers.ofByteArray(new byte[LIMIT + 1]));

        assertThat(anonymous.statusCode()).isEqualTo(413);
    }
}
