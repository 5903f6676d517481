package dev.toolverdicts.devstack.demo;

import dev.toolverdicts.testsupport.PkceLogin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs the demo people (seeded by the identity service in the dev stack) in through the real login form, once
 * each, so demo data is written under their own names exactly as a person would write it.
 */
public final class DemoAccounts {

    public static final String EDITOR = "editor@toolverdicts.dev";
    public static final String DEFAULT_PASSWORD = "demo-password-2026";
    private static final String CLIENT = "dev-cli";
    private static final URI CALLBACK = URI.create("http://127.0.0.1:8079/callback");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PkceLogin login;
    private final String password;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public DemoAccounts(URI issuer, String password) {
        this.login = new PkceLogin(issuer, CLIENT, CALLBACK);
        this.password = password;
    }

    /** An access token of the demo person with this email. */
    public String token(String email) {
        return tokens.computeIfAbsent(email, e -> login.accessToken(e, password));
    }

    /** The user id ({@code sub}) of the demo person with this email. */
    public String userId(String email) {
        String payload = token(email).split("\\.")[1];
        byte[] json = Base64.getUrlDecoder().decode(payload);
        return JSON.readTree(new String(json, StandardCharsets.UTF_8)).get("sub").asString();
    }
}
