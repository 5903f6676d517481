package dev.toolverdicts.servicedefaults.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.TestJwts;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import dev.toolverdicts.servicedefaults.security.VerifiedTokenCache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The platform's resource-server chain as a service gets it by contributing nothing but its access rules. */
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServerChainTest {

    @LocalServerPort
    int port;

    @Autowired
    JwtDecoder decoder;

    private Http http() {
        return new Http(port);
    }

    @Test
    void withoutATokenAProtectedWriteIs401ProblemJsonWithTheBearerChallenge() {
        HttpResponse<String> response = http().post("/api/things", null, BodyPublishers.ofString("x"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void theDecoderVerifiesEachTokenOnceAndStillRefusesWhatItRefusedBefore() {
        assertThat(decoder).isInstanceOf(VerifiedTokenCache.class);
        String token = TestJwts.token("editor-1", "EDITOR");

        assertThat(http().post("/api/things", token, BodyPublishers.ofString("x")).statusCode()).isEqualTo(200);
        assertThat(http().post("/api/things", token, BodyPublishers.ofString("x")).statusCode()).isEqualTo(200);
        assertThat(http().post("/api/things", TestJwts.token("member-1", "MEMBER"), BodyPublishers.ofString("x"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void anExpiredOrForeignTokenIs401() {
        String expired = TestJwts.token("editor-1", Duration.ofMinutes(-5), "EDITOR");

        assertThat(http().post("/api/things", expired, BodyPublishers.ofString("x")).statusCode()).isEqualTo(401);
        assertThat(http().post("/api/things", "not.a.token", BodyPublishers.ofString("x")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anIdTokenOrATokenForAnotherAudienceIs401WhateverItsRoles() {
        String idToken = TestJwts.idToken("editor-1", "EDITOR", "ADMIN");
        String otherAudience = TestJwts.tokenFor("another-api", "editor-1", "EDITOR", "ADMIN");

        for (String token : new String[] {idToken, otherAudience}) {
            HttpResponse<String> response = http().post("/api/things", token, BodyPublishers.ofString("x"));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(http().post("/api/things", TestJwts.token("editor-1", "EDITOR"), BodyPublishers.ofString("x"))
                .statusCode()).as("the same claims as an access token pass").isEqualTo(200);
    }

    @Test
    void aTokenWithTheWrongRoleIs403ProblemJson() {
        HttpResponse<String> response = http().post("/api/things", TestJwts.token("member-1", "MEMBER"),
                BodyPublishers.ofString("x"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":403");
    }

    @Test
    void theServicesRulesDecide() {
        assertThat(http().get("/api/things", null).statusCode()).as("public read").isEqualTo(200);
        assertThat(http().post("/api/things", TestJwts.token("editor-1", "EDITOR"), BodyPublishers.ofString("x"))
                .statusCode()).as("editor writes").isEqualTo(200);
        assertThat(http().post("/api/things", TestJwts.token("admin-1", "ADMIN"), BodyPublishers.ofString("x"))
                .statusCode()).as("admin writes").isEqualTo(200);
        assertThat(http().post("/api/admin/rebuild", TestJwts.token("admin-1", "ADMIN"), BodyPublishers.noBody())
                .statusCode()).as("admin only").isEqualTo(200);
        assertThat(http().post("/api/admin/rebuild", TestJwts.token("editor-1", "EDITOR"), BodyPublishers.noBody())
                .statusCode()).as("not for editors").isEqualTo(403);
    }

    @Test
    void whatTheRulesDoNotListIsDeniedEvenToAnAdmin() {
        assertThat(http().get("/api/unlisted", TestJwts.token("admin-1", "ADMIN")).statusCode()).isEqualTo(403);
        assertThat(http().get("/api/unlisted", null).statusCode()).isEqualTo(401);
        assertThat(http().get("/actuator/env", TestJwts.token("admin-1", "ADMIN")).statusCode()).isEqualTo(403);
    }

    @Test
    void healthInfoAndMetricsAreOpen() {
        assertThat(http().get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(http().get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(http().get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(http().get("/actuator/info", null).statusCode()).isEqualTo(200);
    }

    @Test
    void noSessionCookieIsEverHandedOut() {
        HttpResponse<String> response = http().post("/api/things", TestJwts.token("editor-1", "EDITOR"),
                BodyPublishers.ofString("x"));

        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }
}
