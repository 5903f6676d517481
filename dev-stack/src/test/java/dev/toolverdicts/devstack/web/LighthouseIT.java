package dev.toolverdicts.devstack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lighthouse (the pinned npm package in {@code web/lighthouse}, mobile settings, Debian's chromium) on the home,
 * compare, tool and reviewer pages of the running stack: performance, accessibility, best practices and SEO each at
 * least 95. Performance is the median of three runs per page with the CPU slowdown calibrated to this host (see
 * {@code audit.mjs}: Lighthouse's 4x assumes a high-end desktop; a slower or loaded host gets the multiplier that
 * emulates the same phone). The summary goes to {@code target/lighthouse/scores.json};
 * {@code web/lighthouse/scores.json} is the committed copy of the last run.
 */
@ExtendWith(WebStack.class)
class LighthouseIT {

    static final int FLOOR = 95;
    static final String HELD = "performance,accessibility,best-practices,seo";

    @Test
    void theReadersPagesScoreAtLeastTheFloorInEveryCategory(WebStack.Running stack) throws Exception {
        Path tools = repoRoot().resolve("web/lighthouse");
        Path summary = Path.of("target", "lighthouse", "scores.json").toAbsolutePath();
        Files.createDirectories(summary.getParent());
        if (!Files.isDirectory(tools.resolve("node_modules/lighthouse"))) {
            assertThat(run(tools, summary.getParent().resolve("npm-ci.log"), "npm", "ci", "--no-audit", "--no-fund"))
                    .as("npm ci in web/lighthouse").isZero();
        }
        Path log = summary.getParent().resolve("audit.log");
        assertThat(run(tools, log, "node", "audit.mjs", stack.site().toString(), summary.toString()))
                .as("lighthouse run, see " + log).isZero();
        Path check = summary.getParent().resolve("check.log");
        assertThat(run(tools, check, "node", "check.mjs", summary.toString(), String.valueOf(FLOOR),
                HELD))
                .as(Files.readString(log) + Files.readString(summary.getParent().resolve("check.log"))).isZero();
    }

    private static int run(Path dir, Path log, String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static Path repoRoot() {
        String configured = System.getProperty("devstack.repoRoot");
        return (configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent())
                .toAbsolutePath().normalize();
    }
}
