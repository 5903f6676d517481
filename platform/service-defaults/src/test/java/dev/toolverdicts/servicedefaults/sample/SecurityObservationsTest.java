package dev.toolverdicts.servicedefaults.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Spring Security's own observations (one per filter, authentication and authorization: 13% of the gateway's CPU in
 * a profile of cached reads) are off in every app; the HTTP server's observation, which the metrics and traces
 * need, stays.
 */
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SecurityObservationsTest.Recorder.class)
class SecurityObservationsTest {

    @LocalServerPort
    int port;

    @Autowired
    List<String> observed;

    @Test
    void requestsThroughTheSecurityChainStartNoSecurityObservation() {
        Http http = new Http(port);
        assertThat(http.get("/api/things", null).statusCode()).isEqualTo(200);
        assertThat(http.post("/api/things", TestJwts.token("editor-1", "EDITOR"), BodyPublishers.ofString("x"))
                .statusCode()).isEqualTo(200);
        assertThat(http.post("/api/things", null, BodyPublishers.ofString("x")).statusCode()).isEqualTo(401);

        assertThat(observed).as("the recorder sees the server's observations").contains("http.server.requests");
        assertThat(observed).noneMatch(name -> name.startsWith("spring.security"));
    }

    @TestConfiguration
    static class Recorder {

        @Bean
        List<String> observed() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        ObservationHandler<Observation.Context> recordNames(List<String> observed) {
            return new ObservationHandler<>() {
                @Override
                public void onStart(Observation.Context context) {
                    observed.add(context.getName());
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            };
        }
    }
}
