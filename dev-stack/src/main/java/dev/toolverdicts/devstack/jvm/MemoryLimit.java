package dev.toolverdicts.devstack.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service container's memory limit in MiB, from its Deployment in {@code deploy/k8s/base/services/<name>.yaml}. */
final class MemoryLimit {

    private static final Pattern MEMORY = Pattern.compile("^\\s*memory:\\s*\"?(\\d+)(Mi|Gi)\"?\\s*$");

    private MemoryLimit() {
    }

    static int mebibytes(Path manifests, String service) {
        Path manifest = manifests.resolve(service + ".yaml");
        try {
            return parse(Files.readAllLines(manifest), manifest.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory limit of " + service + " from " + manifest, e);
        }
    }

    /** The first {@code memory:} under a {@code limits:} line. */
    static int parse(List<String> lines, String source) {
        boolean inLimits = false;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.equals("limits:")) {
                inLimits = true;
                continue;
            }
            if (inLimits) {
                Matcher memory = MEMORY.matcher(line);
                if (memory.matches()) {
                    int amount = Integer.parseInt(memory.group(1));
                    return memory.group(2).equals("Gi") ? amount * 1024 : amount;
                }
                if (!trimmed.startsWith("cpu:")) {
                    inLimits = false;
                }
            }
        }
        throw new IllegalStateException(source + " has no resources.limits.memory in Mi or Gi");
    }
}
