package dev.toolverdicts.devstack.demo;

import java.util.List;

/** What loading the demo catalog did: how many tools were new, already there, and what went wrong. */
public record DemoLoadReport(int created, int existing, int published, List<String> failures) {

    public DemoLoadReport {
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }

    public String summary() {
        if (succeeded()) {
            return "demo data: " + (created + existing) + " tools (" + created + " new, " + existing
                    + " already there), " + published + " published";
        }
        return "demo data NOT fully loaded (" + failures.size() + " problem(s)); first: " + failures.getFirst()
                + "  -- the stack keeps running";
    }
}
