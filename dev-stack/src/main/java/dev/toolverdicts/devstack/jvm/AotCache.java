package dev.toolverdicts.devstack.jvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.toolverdicts.devstack.process.ChildProcess;

/**
 * A service's JVM AOT cache (JEP 483/514, Java 25), the quick-start mode's main cut of the start time: a start
 * with the cache loads and links the classes a previous run used from one mapped file instead of parsing them
 * from the jars (measured on web: 3.6 s of CPU instead of 6.5 s to a refreshed context).
 * <p>
 * The cache needs plain jars on the class path, so the Boot jar is first extracted ({@code -Djarmode=tools
 * extract}) into {@code <module>/target/aot/app/}: next to the jar, so every stack of the checkout (dev-stack.sh,
 * the dev-stack ITs) shares it and {@code mvn clean} removes it. A run without a cache records one
 * ({@code -XX:AOTCacheOutput}): the JVM writes it when it exits (on SIGTERM too), which takes it some seconds,
 * so a recording instance gets a longer stop grace. Next starts use it ({@code -XX:AOTCache}). A stamp of the
 * jar's size and time, the Java version and the JVM flags decides whether the extracted copy and its cache still
 * belong to the jar: a rebuilt jar, another JDK or other flags throw both away and record again. The JVM checks
 * the cache itself too (class path, JDK, flags) and runs without it if it does not match, never with a wrong one.
 */
public final class AotCache {

    /** {@code DEV_STACK_AOT_CACHE=off} starts the services from their Boot jars as before (to compare, or to rule it out). */
    public static final String SWITCH_ENV = "DEV_STACK_AOT_CACHE";

    /** A recording JVM writes its cache at exit: ~5-10 s of CPU each, several at once on 2 cores. */
    public static final Duration RECORDING_STOP_GRACE = Duration.ofSeconds(120);

    private static final String CACHE = "app.aot";
    private static final String STAMP = "jar.stamp";

    private final String service;
    private final Path jar;
    private final Path dir;
    private final List<String> flags;

    /**
     * @param jar   the service's Boot jar, as built
     * @param dir   the folder for its extracted copy and cache
     * @param flags the mode's JVM flags (part of the stamp: a cache is only valid for the flags it was made with)
     */
    public AotCache(String service, Path jar, Path dir, List<String> flags) {
        this.service = service;
        this.jar = jar;
        this.dir = dir;
        this.flags = List.copyOf(flags);
    }

    /** How to launch: the jar to run and the extra JVM flags (use the cache, record one, or neither). */
    public record Launch(Path jar, List<String> flags, boolean recording) {
    }

    /**
     * Extracts the jar if the extracted copy is missing or stale (throwing away its cache), then says how to run it.
     * Only a recording instance ({@code mayRecord}) writes a cache, so replicas never write the same file at once.
     */
    public Launch prepare(boolean mayRecord) throws IOException, InterruptedException {
        String stamp = stamp();
        Path stampFile = dir.resolve(STAMP);
        if (!Files.isRegularFile(stampFile) || !Files.readString(stampFile).equals(stamp)
                || !Files.isRegularFile(extractedJar())) {
            if (!mayRecord) {
                return new Launch(jar, List.of(), false);
            }
            deleteRecursively(dir);
            extract();
            Files.writeString(stampFile, stamp);
        }
        Path cache = dir.resolve(CACHE);
        // the JVM removes this temporary file once the cache is complete: left over, the writing was cut short
        Path unfinished = dir.resolve(CACHE + ".config");
        if (mayRecord && Files.exists(unfinished)) {
            Files.deleteIfExists(cache);
            Files.delete(unfinished);
        }
        List<String> extra = new ArrayList<>(List.of("-Xlog:aot=error,cds=error"));
        if (Files.isRegularFile(cache)) {
            extra.add("-XX:AOTCache=" + cache);
            return new Launch(extractedJar(), List.copyOf(extra), false);
        }
        if (!mayRecord) {
            return new Launch(extractedJar(), List.of(), false);
        }
        extra.add("-XX:AOTCacheOutput=" + cache);
        return new Launch(extractedJar(), List.copyOf(extra), true);
    }

    /** The stamp that ties the extracted copy and its cache to this jar, JDK and flag set. */
    String stamp() throws IOException {
        return "jar=" + jar.toAbsolutePath() + "\nsize=" + Files.size(jar) + "\nmodified="
                + Files.getLastModifiedTime(jar).toMillis() + "\njava=" + System.getProperty("java.home") + " "
                + Runtime.version() + "\nflags=" + String.join(" ", flags) + "\n";
    }

    Path extractedJar() {
        return dir.resolve("app").resolve(service + ".jar");
    }

    private void extract() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path log = dir.resolve("extract.log");
        Process process = new ProcessBuilder(ChildProcess.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", dir.resolve("app").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("extracting " + jar + " took more than 2 minutes; see " + log);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(extractedJar())) {
            throw new IOException("could not extract " + jar + " (exit " + process.exitValue() + "); see " + log);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
