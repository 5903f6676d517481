package dev.toolverdicts.outbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Another instance of a service with an outbox, as a process of its own: {@link RelayTakeoverTest} starts it on its
 * database and kills it with SIGKILL, as a pod dies. The arguments are Spring properties ({@code --name=value}).
 */
public final class RelayProcess {

    /** What it prints once its context runs (and so its relay). */
    static final String STARTED = "relay process started";

    private RelayProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        SpringApplication.run(AutoConfiguredOnly.class, args);
        System.out.println(STARTED);
        System.out.flush();
        // the relay's thread is a daemon: keep the JVM up until it is killed
        Thread.currentThread().join();
    }

    /**
     * The outbox's auto-configuration and nothing else. Not a {@code @Configuration}, so the test application's
     * component scan passes it by, and it scans nothing (the package's test configurations stay out).
     */
    @EnableAutoConfiguration
    static class AutoConfiguredOnly {
    }
}
