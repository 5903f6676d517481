package dev.toolverdicts.testsupport;

/**
 * The security decision a request meets, as an authorization matrix states it: let through (any status but 401 and
 * 403: the handler may still refuse the empty body or the unknown id), not authenticated (401) or forbidden (403).
 */
public enum Outcome {
    ALLOWED("allow"),
    UNAUTHENTICATED("401"),
    FORBIDDEN("403");

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
        throw new IllegalArgumentException("unknown outcome '" + cell + "' (allow, 401 or 403)");
    }

    public static Outcome ofStatus(int status) {
        return status == 401 ? UNAUTHENTICATED : status == 403 ? FORBIDDEN : ALLOWED;
    }

    public String cell() {
        return cell;
    }
}
