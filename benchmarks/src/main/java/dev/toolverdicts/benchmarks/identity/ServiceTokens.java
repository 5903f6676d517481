package dev.toolverdicts.benchmarks.identity;

import dev.toolverdicts.benchmarks.stack.StackPorts;
import dev.toolverdicts.testsupport.PkceLogin;
import java.net.URI;

/** The demo admin's token from the real identity service, for the rebuild endpoint. */
public final class ServiceTokens {

    public static final String ADMIN = "admin@toolverdicts.dev";
    private static final String DEMO_PASSWORD = "demo-password-2026";

    public String admin() {
        return new PkceLogin(URI.create("http://localhost:" + StackPorts.IDENTITY), "dev-cli",
                URI.create("http://127.0.0.1:8079/callback")).accessToken(ADMIN, DEMO_PASSWORD);
    }
}
