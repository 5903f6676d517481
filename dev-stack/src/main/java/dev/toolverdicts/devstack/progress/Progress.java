package dev.toolverdicts.devstack.progress;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Set;

/** Tells the person at the terminal, one line per event, what is up, what is still coming and how long it took. */
public final class Progress {

    private final PrintStream out;
    private final long startedAt = System.nanoTime();
    private final Set<String> coming = new LinkedHashSet<>();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public static Progress toStdout() {
        return new Progress(System.out);
    }

    public synchronized void expect(String part) {
        coming.add(part);
    }

    public synchronized void ready(String part, String detail) {
        coming.remove(part);
        String waiting = coming.isEmpty() ? "" : "   still coming: " + String.join(", ", coming);
        line("up    " + pad(part) + " " + detail + waiting);
    }

    public synchronized void failed(String part, String reason) {
        coming.remove(part);
        line("FAIL  " + pad(part) + " " + reason);
    }

    public synchronized void info(String message) {
        line(message);
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    private void line(String text) {
        out.printf("[%6.1fs] %s%n", elapsedSeconds(), text);
        out.flush();
    }

    private static String pad(String part) {
        return String.format("%-19s", part);
    }
}
