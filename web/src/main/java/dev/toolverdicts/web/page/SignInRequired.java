package dev.toolverdicts.web.page;

/** A page or action needs a signed-in user with a role the viewer does not have. */
public class SignInRequired extends RuntimeException {

    private final String role;

    public SignInRequired(String role) {
        super("this needs a signed-in " + role.toLowerCase(java.util.Locale.ROOT));
        this.role = role;
    }

    public String role() {
        return role;
    }
}
