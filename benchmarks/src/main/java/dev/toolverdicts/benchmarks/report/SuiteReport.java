package dev.toolverdicts.benchmarks.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run of the suite found: the machine's state, the figures, and each load run's raw numbers. */
public final class SuiteReport {

    private final Instant startedAt = Instant.now();
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    public Instant startedAt() {
        return startedAt;
    }

    public Map<String, Object> machine() {
        return machine;
    }

    public List<Figure> figures() {
        return figures;
    }

    public Map<String, Object> details() {
        return details;
    }

    public synchronized void add(Figure figure) {
        figures.add(figure);
    }

    public synchronized void detail(String key, Object value) {
        details.put(key, value);
    }
}
