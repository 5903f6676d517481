package dev.toolverdicts.identity.registration;

/** A registration refused for one field after the form's own checks passed (e.g. the password policy). */
class RegistrationRejected extends RuntimeException {

    private final String field;

    RegistrationRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
