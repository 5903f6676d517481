package dev.toolverdicts.benchmarks.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts {@code ./dev-stack.sh --reset} (jars already built) for the cold-start figure, times it with the suite's
 * own readiness probes, and stops it with SIGTERM at the end, as Ctrl-C would.
 */
public final class DevStackLauncher implements AutoCloseable {

    /** Cold start times: every service ready, and the demo data served too; plus what the launcher itself said. */
    public record ColdStart(double healthySeconds, double demoDataSeconds, Optional<Double> launcherSaid) {
    }

    private static final Pattern ALL_UP = Pattern.compile("all \\d+ parts up in ([\\d.]+) s");

    private final Path log;
    private Process process;

    public DevStackLauncher(Path repoRoot) {
        this.log = repoRoot.resolve("benchmarks/target/dev-stack-cold-start.log");
    }

    public ColdStart start(Path repoRoot, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("./dev-stack.sh", "--reset").directory(repoRoot.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DEV_STACK_SKIP_BUILD", "1");
        long started = System.nanoTime();
        process = builder.start();
        StackCheck check = new StackCheck();
        double healthy = -1;
        while (System.nanoTime() - started < timeout.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dev-stack.sh exited with " + process.exitValue() + "; see " + log);
            }
            if (healthy < 0 && check.problems().stream().allMatch(p -> p.startsWith("demo data"))) {
                healthy = (System.nanoTime() - started) / 1e9;
            }
            if (healthy >= 0 && check.isUp()) {
                return new ColdStart(healthy, (System.nanoTime() - started) / 1e9, launcherSaid());
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the dev stack was not up within " + timeout + "; see " + log);
    }

    private Optional<Double> launcherSaid() throws IOException {
        Matcher matcher = ALL_UP.matcher(Files.readString(log));
        return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            // the first stop after a build also writes each service's AOT cache (dev-stack's jvm.AotCache)
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                System.err.println("dev stack still stopping after 180 s; its launcher is pid " + process.pid());
            }
        }
    }
}
