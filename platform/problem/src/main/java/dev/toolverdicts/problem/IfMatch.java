package dev.toolverdicts.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The {@code If-Match} precondition of a write: the version the client last read, as the ETag {@code "<version>"}.
 * Changing something that exists needs it (428 without it), and it must name the current version (412 otherwise),
 * so two editors can never overwrite each other unseen.
 */
public record IfMatch(String header) {

    public static IfMatch of(String header) {
        return new IfMatch(header == null || header.isBlank() ? null : header.strip());
    }

    public boolean present() {
        return header != null;
    }

    /** Fails with 428 when absent and 412 when it does not name {@code currentVersion}. */
    public void require(long currentVersion, String what) {
        if (!present()) {
            throw new FieldProblem(HttpStatus.PRECONDITION_REQUIRED, HttpHeaders.IF_MATCH,
                    "changing an existing " + what + " needs If-Match with the version you read, e.g. "
                            + etag(currentVersion));
        }
        checkIfPresent(currentVersion, what);
    }

    /** Fails with 412 when present and not naming {@code currentVersion}; an absent header passes. */
    public void checkIfPresent(long currentVersion, String what) {
        if (present() && !matches(currentVersion)) {
            throw stale(what, currentVersion);
        }
    }

    /** Fails with 412 when present: there is no version of the {@code what} to match yet. */
    public void requireAbsent(String what) {
        if (present()) {
            throw new FieldProblem(HttpStatus.PRECONDITION_FAILED, HttpHeaders.IF_MATCH,
                    "there is no " + what + " yet, so If-Match cannot match; send it without If-Match");
        }
    }

    public static FieldProblem stale(String what, long currentVersion) {
        return new FieldProblem(HttpStatus.PRECONDITION_FAILED, HttpHeaders.IF_MATCH,
                "the " + what + " changed meanwhile; it is now at version " + etag(currentVersion)
                        + ", read it and retry");
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Strong comparison, as RFC 9110 asks of If-Match: a weak tag never matches; {@code *} matches any version. */
    private boolean matches(long version) {
        String expected = etag(version);
        for (String tag : header.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals(expected) || candidate.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
