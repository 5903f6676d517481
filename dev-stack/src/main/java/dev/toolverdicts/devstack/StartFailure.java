package dev.toolverdicts.devstack;

/** The stack could not start; the message is meant for a person and names the part, the port or the log to read. */
public final class StartFailure extends Exception {

    public StartFailure(String message) {
        super(message);
    }
}
