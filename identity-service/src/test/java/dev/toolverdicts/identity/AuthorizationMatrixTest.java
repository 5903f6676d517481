package dev.toolverdicts.identity;

import dev.toolverdicts.testsupport.AuthorizationMatrix;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every page and JSON endpoint identity-service maps × every kind of caller meets the outcome of
 * authorization-matrix.csv (WebSecurityConfig), and the table lists every endpoint the app maps: a new page or API
 * endpoint without a row fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
@WithPostgres
class AuthorizationMatrixTest {

    private static final AuthorizationMatrix MATRIX = AuthorizationMatrix.fromClasspath("/authorization-matrix.csv");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void theTableListsEveryEndpoint() {
        MATRIX.assertCoversExactly(app, Set.of("/error"));
    }

    @Test
    void everyCallerMeetsItsOutcomeAtEveryEndpoint() {
        MATRIX.assertHolds(URI.create("http://127.0.0.1:" + port));
    }
}
