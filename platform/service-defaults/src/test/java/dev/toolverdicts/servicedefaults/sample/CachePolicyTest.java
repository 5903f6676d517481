package dev.toolverdicts.servicedefaults.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What browsers and shared caches (a CDN, nginx) may keep: an anonymous public JSON read briefly and publicly, anything
 * a caller identified themselves for never, nor errors, writes, streams or the actuator.
 */
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CachePolicyTest {

    private static final String PUBLIC = "public, max-age=10, stale-while-revalidate=30";

    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    @Test
    void anAnonymousPublicJsonReadIsCacheableBrieflyByAnyCache() {
        HttpResponse<String> response = http().get("/api/things/t1", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Cache-Control")).containsExactly(PUBLIC);
        assertThat(response.headers().firstValue("Pragma")).isEmpty();
        assertThat(varyOf(response)).contains("Accept", "Accept-Encoding", "Authorization");
    }

    @Test
    void aReadWithABearerTokenIsNeverStored() {
        HttpResponse<String> response = http().get("/api/things/t1", TestJwts.token("member-1", "MEMBER"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("private, no-store");
        assertThat(varyOf(response)).contains("Authorization");
    }

    @Test
    void aReadWithATokenInTheQueryIsNeverStored() {
        HttpResponse<String> response = http().get("/api/things/t1?token=signed-link-token", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("private, no-store");
    }

    @Test
    void errorsAreNeverStored() {
        HttpResponse<String> notFound = http().get("/api/things/missing", null);

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertNeverStored(notFound);
        assertNeverStored(http().get("/api/unlisted", null));
    }

    @Test
    void writesStreamsAndTheActuatorAreNeverStored() {
        HttpResponse<String> write = http().post("/api/things", TestJwts.token("editor-1", "EDITOR"),
                BodyPublishers.ofString("x"));
        assertThat(write.statusCode()).isEqualTo(200);
        assertNeverStored(write);

        HttpResponse<String> stream = http().get("/api/things/t1/stream", null);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().allValues("Cache-Control")).noneMatch(value -> value.contains("public"));

        HttpResponse<String> health = http().get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertNeverStored(health);
    }

    private static void assertNeverStored(HttpResponse<String> response) {
        assertThat(String.join(",", response.headers().allValues("Cache-Control")))
                .as("Cache-Control of a %d", response.statusCode()).contains("no-store").doesNotContain("public");
    }

    private static List<String> varyOf(HttpResponse<String> response) {
        return response.headers().allValues("Vary").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::trim).toList();
    }
}
