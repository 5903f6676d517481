package dev.toolverdicts.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The matrix reports every cell that does not hold, and refuses a table that misses a caller or repeats a row. */
class AuthorizationMatrixTest {

    private static final String HEADER =
            "method,path,anonymous,member,reviewer,editor,admin,newsletter,id_token,other_audience\n";

    private HttpServer server;

    /**
     * Public reads; {@code /admin/{id}} is 401 without a token and 403 with any (nobody may); the page {@code /desk}
     * sends a caller without a token to the sign-in page and one with a token elsewhere.
     */
    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean admin = exchange.getRequestURI().getPath().startsWith("/admin/");
            boolean token = exchange.getRequestHeaders().containsKey("Authorization");
            if (exchange.getRequestURI().getPath().equals("/desk")) {
                exchange.getResponseHeaders().add("Location", token ? "/desk/home" : "/login?next=desk");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(admin ? (token ? 403 : 401) : 200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aMatchingTableHolds() {
        AuthorizationMatrix matrix = AuthorizationMatrix.parse(HEADER
                + "# comment\nGET,/open,allow,allow,allow,allow,allow,allow,allow,allow\n"
                + "POST,/admin/{id},401,403,403,403,403,403,403,403\n");
        assertThatCode(() -> matrix.assertHolds(base())).doesNotThrowAnyException();
    }

    @Test
    void everyCellThatDiffersIsNamed() {
        AuthorizationMatrix matrix = AuthorizationMatrix.parse(HEADER
                + "DELETE,/admin/{id},401,403,403,403,allow,403,401,401\n");
        assertThatThrownBy(() -> matrix.assertHolds(base()))
                .hasMessageContaining("3 cell(s)")
                .hasMessageContaining("DELETE /admin/{id} as admin: expected allow, got 403")
                .hasMessageContaining("DELETE /admin/{id} as id_token: expected 401, got 403")
                .hasMessageContaining("DELETE /admin/{id} as other_audience: expected 401, got 403");
    }

    @Test
    void aRedirectToTheSignInPageIsItsOwnOutcomeAndAnyOtherRedirectIsAllowed() {
        assertThatCode(() -> AuthorizationMatrix.parse(HEADER
                + "GET,/desk,login,allow,allow,allow,allow,allow,allow,allow\n").assertHolds(base()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AuthorizationMatrix.parse(HEADER
                + "GET,/desk,allow,allow,allow,allow,allow,allow,allow,allow\n").assertHolds(base()))
                .hasMessageContaining("1 cell(s)")
                .hasMessageContaining("GET /desk as anonymous: expected allow, got 302 to the sign-in page");
    }

    @Test
    void aTableMustNameEveryCallerOnceAndEachEndpointOnce() {
        assertThatThrownBy(() -> AuthorizationMatrix.parse("method,path,anonymous,member\nGET,/x,allow,allow\n"))
                .hasMessageContaining("every caller");
        assertThatThrownBy(() -> AuthorizationMatrix.parse(HEADER + "GET,/x,allow,allow,allow,allow,allow,allow,401,401\n"
                + "GET,/x,allow,allow,allow,allow,allow,allow,401,401\n")).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> AuthorizationMatrix.parse(HEADER + "GET,/x,allow,allow,allow,allow,allow,allow,401,maybe\n"))
                .hasMessageContaining("unknown outcome 'maybe'");
    }

    @Test
    void samplePathsFillEveryVariable() {
        org.assertj.core.api.Assertions.assertThat(new Endpoint("POST",
                "/api/x/{topic}/{partition}/{offset}/replay/{flagId}/{isoWeek}/{slug:[a-z]+}").samplePath())
                .isEqualTo("/api/x/matrix-sample/0/0/replay/00000000-0000-4000-8000-000000000000/2026-W01/matrix-sample");
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
