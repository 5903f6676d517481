package dev.toolverdicts.catalog.http;

import dev.toolverdicts.problem.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The {@code If-Match} precondition of a write: the version the client last read, as the ETag {@code "<version>"}.
 * An update needs it (428 without it) and it must name the current version (412 otherwise).
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

    public static FieldProblem stale(String what, long currentVersion) {
        return new FieldProblem(HttpStatus.PRECONDITION_FAILED, HttpHeaders.IF_MATCH,
                "the " + what + " changed meanwhile; it is now at version " + etag(currentVersion)
                        + ", read it and retry");
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private boolean matches(long version) {
        String expected = etag(version);
        for (String tag : header.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(expected) || candidate.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
