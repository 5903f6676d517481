package dev.toolverdicts.testsupport;

/**
 * The security decision a request meets, as an authorization matrix states it: let through (any status but 401 and
 * 403 and a redirect to the sign-in page: the handler may still refuse the empty body or the unknown id), not
 * authenticated (401), forbidden (403), or a browser page that sends the caller to sign in first ({@code login}: a
 * 302/303 whose {@code Location} is the {@code /login} page).
 */
public enum Outcome {
    ALLOWED("allow"),
    UNAUTHENTICATED("401"),
    FORBIDDEN("403"),
    SIGN_IN_FIRST("login");

    private final String cell;

    Outcome(String cell) {
        this.cell = cell;
    }

    public static Outcome ofCell(String cell) {
        for (Outcome outcome : values()) {
            if (outcome.cell.equals(cell.trim())) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + cell + "' (allow, 401, 403 or login)");
    }

    /** The decision an answer shows; {@code location} is its {@code Location} header, if any. */
    public static Outcome ofAnswer(int status, String location) {
        if ((status == 302 || status == 303) && location != null
                && java.net.URI.create(location).getPath().equals("/login")) {
            return SIGN_IN_FIRST;
        }
        return status == 401 ? UNAUTHENTICATED : status == 403 ? FORBIDDEN : ALLOWED;
    }

    public String cell() {
        return cell;
    }
}
