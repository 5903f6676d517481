package dev.toolverdicts.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.toolverdicts.devstack.jvm.ServiceJvm;
import dev.toolverdicts.devstack.service.Instances;
import dev.toolverdicts.devstack.service.ServiceSpec;

/**
 * What to start and where: the repository (for the built jars), the working folder (data, logs), the ports and
 * the services, and how many instances of each. Tests build one on free ports in a temporary folder.
 *
 * @param parallelStarts how many services may be starting at the same time (the machine may have few cores)
 * @param replicas       instances per service, for those started more than once
 * @param jvm            the JVM flags of the service processes (quick start by default)
 */
public record StackConfig(Path repoRoot, Path workDir, Ports ports, List<ServiceSpec> services,
                          int parallelStarts, Duration startTimeout, boolean loadDemoData,
                          Map<String, Integer> replicas, ServiceJvm jvm) {

    public StackConfig {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        workDir = workDir.toAbsolutePath().normalize();
        services = List.copyOf(services);
        replicas = Map.copyOf(replicas);
        if (parallelStarts < 1) {
            throw new IllegalArgumentException("parallelStarts must be at least 1");
        }
        for (var entry : replicas.entrySet()) {
            ports.instances(entry.getKey(), entry.getValue());
        }
    }

    public static StackConfig of(Path repoRoot, Path workDir, Ports ports, List<ServiceSpec> services) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new StackConfig(repoRoot, workDir, ports, services, Math.max(2, cores + 1),
                Duration.ofMinutes(4), true, Map.of(), ServiceJvm.quickStart());
    }

    public Path dataDir() {
        return workDir.resolve("data");
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    /** Things the launcher unpacks or generates and can recreate at will (PostgreSQL binaries, configs). */
    public Path runtimeDir() {
        return workDir.resolve("runtime");
    }

    /** Where the dev-stack module's build put the broker's jars and the mail sink's jar. */
    public Path devStackTarget() {
        return repoRoot.resolve("dev-stack").resolve("target");
    }

    public boolean runs(String serviceName) {
        return services.stream().anyMatch(s -> s.name().equals(serviceName));
    }

    /** Which instance of which service listens where. */
    public Instances instances() {
        return new Instances(ports, replicas);
    }

    public StackConfig withParallelStarts(int parallelStarts) {
        return new StackConfig(repoRoot, workDir, ports, services, parallelStarts, startTimeout, loadDemoData,
                replicas, jvm);
    }

    public StackConfig withoutDemoData() {
        return new StackConfig(repoRoot, workDir, ports, services, parallelStarts, startTimeout, false, replicas,
                jvm);
    }

    /** The same stack with several instances of the named services (the ports must have room for them). */
    public StackConfig withReplicas(Map<String, Integer> replicas) {
        return new StackConfig(repoRoot, workDir, ports, services, parallelStarts, startTimeout, loadDemoData,
                replicas, jvm);
    }

    /** The same stack with each service's JVM run in another mode (performance: the image's settings). */
    public StackConfig withJvm(ServiceJvm jvm) {
        return new StackConfig(repoRoot, workDir, ports, services, parallelStarts, startTimeout, loadDemoData,
                replicas, jvm);
    }

    public StackConfig withStartTimeout(Duration startTimeout) {
        return new StackConfig(repoRoot, workDir, ports, services, parallelStarts, startTimeout, loadDemoData,
                replicas, jvm);
    }
}
