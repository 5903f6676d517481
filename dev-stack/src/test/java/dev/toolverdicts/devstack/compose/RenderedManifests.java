package dev.toolverdicts.devstack.compose;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests as a cluster would receive them: {@code kubectl kustomize} of the production overlay,
 * rendered once per JVM, offline. Without kubectl the tests that need it are skipped, saying so.
 */
final class RenderedManifests {

    static final Path ROOT = Path.of(System.getProperty("devstack.repoRoot", "..")).toAbsolutePath().normalize();
    static final Path PRODUCTION = ROOT.resolve("deploy/k8s/overlays/production");

    private static List<Map<String, Object>> rendered;

    private final List<Map<String, Object>> docs;

    private RenderedManifests(List<Map<String, Object>> docs) {
        this.docs = docs;
    }

    static synchronized RenderedManifests production() throws IOException, InterruptedException {
        if (rendered == null) {
            Optional<Path> kubectl = kubectl();
            assumeTrue(kubectl.isPresent(), "kubectl not found (/usr/bin/kubectl, PATH or -Ddevstack.kubectl): "
                    + "skipping the checks of the rendered production manifests");
            rendered = render(kubectl.get());
        }
        return new RenderedManifests(rendered);
    }

    List<Map<String, Object>> all() {
        return docs;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Map<String, Object> get(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(name(d))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered manifests"));
    }

    /** A ConfigMap's data; generated names carry a hash suffix, so it is found by the name it was generated with. */
    Map<String, Object> configMap(String generatedName) {
        return ofKind("ConfigMap").stream().filter(d -> name(d).matches(generatedName + "(-[a-z0-9]{10})?"))
                .findFirst().map(d -> map(d.get("data")))
                .orElseThrow(() -> new AssertionError("no ConfigMap " + generatedName));
    }

    static String name(Map<String, Object> doc) {
        return (String) map(doc.get("metadata")).get("name");
    }

    static List<Map<String, Object>> loadAll(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return parse(reader);
        }
    }

    /** The value at a path of map keys, or null when any step is missing. */
    static Object at(Map<String, Object> doc, String... path) {
        Object value = doc;
        for (String key : path) {
            if (!(value instanceof Map<?, ?> m)) {
                return null;
            }
            value = m.get(key);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static List<Map<String, Object>> render(Path kubectl) throws IOException, InterruptedException {
        File errors = File.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", PRODUCTION.toString())
                    .redirectError(errors).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + PRODUCTION + " failed: "
                        + Files.readString(errors.toPath()));
            }
            return parse(new StringReader(out));
        } finally {
            Files.deleteIfExists(errors.toPath());
        }
    }

    private static List<Map<String, Object>> parse(Reader reader) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(reader)) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    private static Optional<Path> kubectl() {
        String configured = System.getProperty("devstack.kubectl");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        Path usual = Path.of("/usr/bin/kubectl");
        if (Files.isExecutable(usual)) {
            return Optional.of(usual);
        }
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable)
                .findFirst();
    }
}
