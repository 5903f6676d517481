package dev.toolverdicts.testsupport;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The authorization-matrix test of an app, written once: its {@code AuthorizationMatrixTest} extends this (or
 * {@link AuthorizationMatrixContract}, which adds a resource server's infrastructure) and keeps its table in
 * {@code authorization-matrix.csv} on its test class path. Every endpoint × every kind of caller must meet the table's
 * outcome, and the table must list every endpoint the app maps: a new endpoint without a row fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AuthorizationMatrixCheck {

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
