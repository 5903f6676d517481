package dev.toolverdicts.identity.registration;

/** A registration refused because its address or its target mailbox used up its registrations for now. */
class RegistrationThrottled extends RuntimeException {

    private final long retryAfterSeconds;

    RegistrationThrottled(long retryAfterSeconds) {
        super("Too many registrations from this network or for this address; try again in " + retryAfterSeconds
                + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
