package dev.toolverdicts.devstack.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What loading the demo data did, per kind of thing: how many were new, already there, and what went wrong. */
public final class DemoLoadReport {

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    synchronized void created(String kind) {
        counts.computeIfAbsent(kind, k -> new int[2])[0]++;
    }

    synchronized void existing(String kind) {
        counts.computeIfAbsent(kind, k -> new int[2])[1]++;
    }

    public synchronized void failed(String failure) {
        failures.add(failure);
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** How many of this kind exist after the load, new or not. */
    public synchronized int loaded(String kind) {
        int[] count = counts.getOrDefault(kind, new int[2]);
        return count[0] + count[1];
    }

    /** How many of this kind this load created. */
    public synchronized int newlyCreated(String kind) {
        return counts.getOrDefault(kind, new int[2])[0];
    }

    public boolean succeeded() {
        return failures().isEmpty();
    }

    public synchronized String summary() {
        String loaded = counts.entrySet().stream()
                .map(e -> e.getKey() + " " + (e.getValue()[0] + e.getValue()[1]) + " (" + e.getValue()[0] + " new)")
                .collect(Collectors.joining(", "));
        if (failures.isEmpty()) {
            return "demo data: " + loaded;
        }
        return "demo data NOT fully loaded (" + failures.size() + " problem(s)); first: " + failures.getFirst()
                + "  -- the stack keeps running";
    }
}
