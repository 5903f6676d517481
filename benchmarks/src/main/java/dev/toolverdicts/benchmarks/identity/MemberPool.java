package dev.toolverdicts.benchmarks.identity;

import dev.toolverdicts.benchmarks.stack.JsonHttp;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import dev.toolverdicts.testsupport.PkceLogin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct voting members, the honest and cheapest way the real identity service allows: sign in each benchmark
 * member through the login form (PKCE); the first time, register it through the public registration API and follow
 * the confirmation link from the mail sink. Registration and sign-in cost a bcrypt hash each (~70 ms), so the pool
 * is built once per run, before anything is measured.
 */
public final class MemberPool {

    static final String PASSWORD = "ballot-casting-2026-pw";
    private static final URI ISSUER = URI.create("http://localhost:" + StackPorts.IDENTITY);
    private static final URI CALLBACK = URI.create("http://127.0.0.1:8079/callback");
    private static final int PARALLEL = 4;

    private final JsonHttp http = new JsonHttp();
    private final PkceLogin login = new PkceLogin(ISSUER, "dev-cli", CALLBACK);
    private final VerificationMail mail = new VerificationMail(http);
    private final AtomicInteger registered = new AtomicInteger();

    /** Signs in members 1..count (registering those that do not exist yet); fails if any cannot sign in. */
    public List<Member> signIn(int count) throws InterruptedException {
        List<Member> members = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<Member>> futures = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                String email = "bench-%05d@members.bench.toolverdicts.dev".formatted(n);
                String name = "Bench Voter %05d".formatted(n);
                futures.add(pool.submit(() -> member(email, name)));
            }
            for (Future<Member> future : futures) {
                try {
                    members.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a benchmark member could not sign in: " + e.getCause(), e);
                }
            }
        }
        return members;
    }

    public int registeredThisRun() {
        return registered.get();
    }

    private Member member(String email, String name) throws InterruptedException {
        String token;
        try {
            token = login.accessToken(email, PASSWORD);
        } catch (PkceLogin.LoginFailedException notYetAMember) {
            register(email, name);
            token = login.accessToken(email, PASSWORD);
        }
        return new Member(email, subjectOf(token), token);
    }

    private void register(String email, String name) throws InterruptedException {
        String body = """
                {"email":"%s","password":"%s","displayName":"%s"}""".formatted(email, PASSWORD, name);
        var answer = http.send("POST", StackPorts.url(StackPorts.IDENTITY, "/api/identity/registrations"), body, null);
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("registration of " + email + " answered " + answer.statusCode() + ": "
                    + JsonHttp.abbreviate(answer.body()));
        }
        String link = mail.awaitLink(email, Duration.ofSeconds(20));
        int confirmed = VerificationPage.confirm(link.replace("http://localhost:", "http://127.0.0.1:"), PASSWORD);
        if (confirmed != 200) {
            throw new IllegalStateException("confirming " + email + " answered " + confirmed);
        }
        registered.incrementAndGet();
    }

    static String subjectOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonHttp.JSON.readTree(payload).get("sub").asString();
    }
}
