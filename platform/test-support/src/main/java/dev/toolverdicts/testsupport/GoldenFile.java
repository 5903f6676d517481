package dev.toolverdicts.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public API answers pinned as committed JSON files that the web module's page tests render from: a change of
 * shape fails here first (update on purpose with {@code -Dgolden.update=true}), and then in web if the pages cannot
 * read the new shape. Ids and times differ per run, so they are replaced by stable placeholders: ids in order of
 * first appearance (or named by role), times in chronological order. Used by every service whose answers web's
 * page tests render (catalog, review, comparison).
 */
public final class GoldenFile {

    public static final Path DIR = Path.of("src/test/resources/golden");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Instant BASE = Instant.parse("2026-11-20T09:00:00Z");

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> bodies = new LinkedHashMap<>();

    private final String suffix;

    /** {@code suffix} is the per-run part of the scenario's slugs, taken out so slugs read as in the demo. */
    public GoldenFile(String suffix) {
        this.suffix = suffix;
    }

    /** For answers whose slugs are already stable. */
    public GoldenFile() {
        this(null);
    }

    /**
     * Gives an id a placeholder derived from a role name ("reviewer-buyer"), the same in every service's golden
     * files, so pages that join two services' answers by id (a scorecard row to its reviewer) join in web's tests.
     */
    public GoldenFile name(Object id, String role) {
        ids.put(id.toString(), java.util.UUID.nameUUIDFromBytes(role.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString());
        return this;
    }

    /** Remembers one answer under a file name; other ids are numbered as they first appear. */
    public void record(String name, String body) {
        if (suffix != null) {
            body = body.replace("-" + suffix, "");
        }
        Matcher matcher = UUID.matcher(body);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String id = ids.computeIfAbsent(matcher.group(), any -> "00000000-0000-4000-8000-%012d"
                    .formatted(ids.size() + 1));
            matcher.appendReplacement(out, id);
        }
        matcher.appendTail(out);
        bodies.put(name, out.toString());
    }

    /** Replaces times with placeholders (chronological across all answers), then writes or compares each file. */
    public void writeOrCompare() {
        TreeSet<Instant> times = new TreeSet<>();
        bodies.values().forEach(body -> INSTANT.matcher(body).results().map(m -> Instant.parse(m.group()))
                .forEach(times::add));
        Map<Instant, String> placeholders = new LinkedHashMap<>();
        int n = 0;
        for (Instant time : times) {
            placeholders.put(time, BASE.plusSeconds(3600L * n++).toString());
        }
        boolean update = Boolean.getBoolean("golden.update");
        bodies.forEach((name, body) -> {
            String stable = INSTANT.matcher(body).replaceAll(m -> placeholders.get(Instant.parse(m.group())));
            JsonNode actual = JSON.readTree(stable);
            Path file = DIR.resolve(name);
            try {
                if (update || !Files.exists(file)) {
                    Files.createDirectories(DIR);
                    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
                } else {
                    JsonNode pinned = JSON.readTree(Files.readString(file));
                    if (!pinned.equals(actual)) {
                        throw new AssertionError(("%s differs from the answer; if the change is meant, rerun with "
                                + "-Dgolden.update=true and check that web's page tests still pass%nexpected: %s%n"
                                + " but was: %s").formatted(file, pinned, actual));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
