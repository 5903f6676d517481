package dev.toolverdicts.vote.idempotency;

import dev.toolverdicts.problem.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a write safe to retry with an {@code Idempotency-Key}: the key, a fingerprint of what was asked and the
 * answer are stored in the write's own transaction (claimed first, answered once the write knows its answer), so a retry gets the first answer back and changes nothing.
 * Two requests racing with one key serialize on the key's row: the second waits for the first to commit, then
 * replays its answer. The same key for a different request is a 422 naming the header.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;
    private final Clock clock;
    /** Keys a batch on this thread claimed ahead in one statement: (member, key) to whether this batch claimed it. */
    private final ThreadLocal<Map<Request, Boolean>> ahead = new ThreadLocal<>();

    IdempotentRequests(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.clock = clock;
    }

    /** Checks a key before any work is done, so a bad key is a 400 that changes nothing. */
    public static void validate(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, HEADER,
                    "must be 1 to " + MAX_KEY_LENGTH + " characters, e.g. a UUID");
        }
    }

    /**
     * Claims (member, key) in the caller's transaction for the request described by {@code request}, e.g. "cast
     * smolvlm-3b SHIP": empty if this is the first time (the caller then does the work and {@link #storeAll stores}
     * its answer in the same transaction), else the stored answer of the first time. Without a key it is always empty.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> Optional<Answer<T>> claim(String memberId, String key, String request, Class<T> bodyType) {
        if (key == null) {
            return Optional.empty();
        }
        Map<Request, Boolean> claimed = ahead.get();
        Boolean claimedAhead = claimed == null ? null : claimed.get(new Request(memberId, key, request));
        if (Boolean.TRUE.equals(claimedAhead)) {
            return Optional.empty();
        }
        if (Boolean.FALSE.equals(claimedAhead)) {
            return stored(memberId, key, fingerprint(request), bodyType);
        }
        return claimFingerprint(memberId, key, fingerprint(request), bodyType);
    }

    /**
     * Claims the keys of a batch's requests in one statement (instead of one per request) in the caller's transaction;
     * until {@link #endClaimAhead} this thread's {@link #claim} of one of them answers from it: the first time costs
     * nothing more, a replay one read of the stored answer.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claimAhead(List<Request> requests) {
        Map<Request, Boolean> claimed = new HashMap<>();
        if (!requests.isEmpty()) {
            List<Object> params = new ArrayList<>(requests.size() * 4);
            Timestamp now = Timestamp.from(clock.instant());
            for (Request request : requests) {
                params.addAll(List.of(request.memberId(), request.key(), fingerprint(request.request()), now));
            }
            Set<List<String>> inserted = new HashSet<>(jdbc.sql("""
                            insert into idempotent_request (member_id, idempotency_key, fingerprint, created_at)
                            values %s
                            on conflict (member_id, idempotency_key) do nothing
                            returning member_id, idempotency_key"""
                            .formatted(String.join(", ", Collections.nCopies(requests.size(), "(?, ?, ?, ?)"))))
                    .params(params)
                    .query((rs, row) -> List.of(rs.getString("member_id"), rs.getString("idempotency_key")))
                    .list());
            requests.forEach(request -> claimed.put(request,
                    inserted.contains(List.of(request.memberId(), request.key()))));
        }
        ahead.set(claimed);
    }

    public void endClaimAhead() {
        ahead.remove();
    }

    /** A request with a key, as {@link #claim} is asked for it. */
    public record Request(String memberId, String key, String request) {
    }

    /** Stores the answers of claimed requests, in one round trip. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void storeAll(List<Claimed> answers) {
        if (answers.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                        update idempotent_request set response_status = ?, response_body = ?
                         where member_id = ? and idempotency_key = ?""",
                answers.stream().map(claimed -> new Object[] {claimed.answer().status(),
                        claimed.answer().body() == null ? null : json.writeValueAsString(claimed.answer().body()),
                        claimed.memberId(), claimed.key()}).toList());
    }

    /** The answer to store for a request claimed with {@link #claim}. */
    public record Claimed(String memberId, String key, Answer<?> answer) {
    }

    private <T> Optional<Answer<T>> claimFingerprint(String memberId, String key, String fingerprint,
            Class<T> bodyType) {
        int claimed = jdbc.sql("""
                        insert into idempotent_request (member_id, idempotency_key, fingerprint, created_at)
                        values (?, ?, ?, ?)
                        on conflict (member_id, idempotency_key) do nothing""")
                .params(memberId, key, fingerprint, Timestamp.from(clock.instant()))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return stored(memberId, key, fingerprint, bodyType);
    }

    private <T> Optional<Answer<T>> stored(String memberId, String key, String fingerprint, Class<T> bodyType) {
        StoredAnswer stored = jdbc.sql("""
                        select fingerprint, response_status, response_body from idempotent_request
                         where member_id = ? and idempotency_key = ?""")
                .params(memberId, key)
                .query((rs, row) -> new StoredAnswer(rs.getString("fingerprint"), rs.getInt("response_status"),
                        rs.getString("response_body")))
                .single();
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new FieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, HEADER,
                    "was already used for a different request; use a new key for a new request");
        }
        T body = stored.body() == null ? null : json.readValue(stored.body(), bodyType);
        return Optional.of(new Answer<>(stored.status(), body, true));
    }

    private static String fingerprint(String request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record StoredAnswer(String fingerprint, int status, String body) {
    }
}
