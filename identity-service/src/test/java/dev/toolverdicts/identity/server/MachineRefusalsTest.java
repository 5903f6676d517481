package dev.toolverdicts.identity.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.RawHttp;
import dev.toolverdicts.testsupport.WithPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A machine calling the authorization server's endpoints without a client's credentials or a token is told so as a
 * 401 problem+json with a {@code WWW-Authenticate} challenge, not an empty 403 or 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
@WithPostgres
class MachineRefusalsTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({"POST,/oauth2/token", "POST,/oauth2/revoke", "POST,/oauth2/introspect", "GET,/userinfo",
        "POST,/userinfo"})
    void anUnauthenticatedMachineGetsA401Problem(String method, String path) {
        RawHttp.Answer answer = RawHttp.send(port, method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 0\r\nConnection: close", new byte[0]);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.header("www-authenticate")).as("the challenge").isNotBlank();
        assertThat(answer.body()).contains("\"status\":401");
    }
}
