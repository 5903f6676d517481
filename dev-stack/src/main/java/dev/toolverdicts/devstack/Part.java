package dev.toolverdicts.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One piece of the stack (database, broker, mail sink, a service) that the launcher starts, waits for and stops. */
public interface Part {

    String name();

    /** The TCP ports this part will listen on, checked before anything starts. */
    List<Integer> ports();

    /** Launches the part; returns as soon as it is launched, not when it is ready. */
    void start() throws Exception;

    /** One cheap probe: true once the part serves requests. */
    boolean isReady();

    /** Why the part can no longer become ready (its process exited), if it cannot. */
    Optional<String> failure();

    /** Stops the part, politely first, forcibly once {@code grace} has passed. */
    void stop(Duration grace);

    /**
     * Kills the part's processes at once (SIGKILL, as {@code kill -9}): no shutdown hook runs, nothing is flushed;
     * returns once they are gone. For fault tests; {@link #start()} brings the part back on its ports and data.
     */
    default void kill() {
        List<ProcessHandle> all = processes();
        if (all.isEmpty()) {
            throw new IllegalStateException(name() + " has no process of its own to kill");
        }
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(process -> process.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(timeout -> process).join());
    }

    /** Where the part's output goes. */
    Path log();

    /** The operating-system processes of this part (with their descendants), for checks that they are gone. */
    List<ProcessHandle> processes();

    /** What a person needs to reach the part, e.g. {@code 127.0.0.1:9092}. */
    String address();
}
