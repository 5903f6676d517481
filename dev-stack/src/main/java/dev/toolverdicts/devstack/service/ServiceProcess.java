package dev.toolverdicts.devstack.service;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.toolverdicts.devstack.Part;
import dev.toolverdicts.devstack.Ports;
import dev.toolverdicts.devstack.process.ChildProcess;
import dev.toolverdicts.devstack.jvm.AotCache;
import dev.toolverdicts.devstack.jvm.JvmMode;
import dev.toolverdicts.devstack.jvm.ServiceJvm;
import dev.toolverdicts.devstack.process.HttpProbe;

/**
 * One instance of a Spring Boot service run as {@code java -jar <module>/target/<module>.jar} with its mode's JVM flags and
 * its wiring (port, database, broker, mail, routes) given as command-line properties; ready when its readiness probe
 * says so. Every instance of a service shares its database and consumer groups; the gateway gets each service's
 * instance list as Spring Cloud's static discovery instances.
 */
public final class ServiceProcess implements Part {

    /** The gateway's heap, e.g. {@code 2g}, to hold thousands of live streams (benchmark 9); default 256m. */
    public static final String GATEWAY_HEAP_ENV = "DEV_STACK_GATEWAY_HEAP";

    private final ServiceSpec spec;
    private final int instance;
    private final Instances instances;
    private final Ports ports;
    private final Path jar;
    private final Path workingDir;
    private final Path log;
    private final HttpProbe readiness;
    private final ServiceJvm jvm;
    private ChildProcess process;
    private volatile boolean recordingAotCache;

    public ServiceProcess(ServiceSpec spec, Ports ports, Path repoRoot, Path workingDir, Path log) {
        this(spec, 0, Instances.single(ports), repoRoot, workingDir, log);
    }

    public ServiceProcess(ServiceSpec spec, int instance, Instances instances, Path repoRoot, Path workingDir,
            Path log) {
        this(spec, instance, instances, ServiceJvm.quickStart(), repoRoot, workingDir, log);
    }

    public ServiceProcess(ServiceSpec spec, int instance, Instances instances, ServiceJvm jvm, Path repoRoot,
            Path workingDir, Path log) {
        this.jvm = jvm;
        this.spec = spec;
        this.instance = instance;
        this.instances = instances;
        this.ports = instances.ports();
        this.jar = jarOf(spec, repoRoot);
        this.workingDir = workingDir;
        this.log = log;
        this.readiness = new HttpProbe(URI.create("http://127.0.0.1:" + port() + "/actuator/health/readiness"));
    }

    public static Path jarOf(ServiceSpec spec, Path repoRoot) {
        return repoRoot.resolve(spec.name()).resolve("target").resolve(spec.name() + ".jar");
    }

    @Override
    public String name() {
        return Instances.name(spec.name(), instance);
    }

    /** 0 for the first instance of the service. */
    public int instance() {
        return instance;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public int port() {
        return instances.port(spec.name(), instance);
    }

    @Override
    public List<Integer> ports() {
        return List.of(port());
    }

    @Override
    public void start() throws Exception {
        Files.createDirectories(workingDir);
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.java());
        List<String> flags = jvmFlags();
        command.addAll(flags);
        Path launched = jar;
        recordingAotCache = false;
        if (usesAotCache(flags, System.getenv())) {
            AotCache.Launch launch = new AotCache(spec.name(), jar, jar.resolveSibling("aot"), flags)
                    .prepare(instance == 0);
            command.addAll(launch.flags());
            launched = launch.jar();
            recordingAotCache = launch.recording();
        }
        command.addAll(List.of("-jar", launched.toString()));
        command.addAll(arguments());
        process = new ChildProcess(name(), command, workingDir, log);
        process.start();
    }

    /**
     * Quick-start mode's services start from an extracted copy with an AOT cache; performance mode runs what the
     * image runs (no cache there), and so does a gateway given its own heap.
     */
    boolean usesAotCache(List<String> flags, java.util.Map<String, String> env) {
        return jvm.mode() == JvmMode.QUICK && flags.equals(jvm.flags(spec.name()))
                && !"off".equalsIgnoreCase(env.getOrDefault(AotCache.SWITCH_ENV, ""));
    }

    /** The JVM's flags, by the stack's {@link dev.toolverdicts.devstack.jvm.JvmMode}, and a big gateway's if asked. */
    public List<String> jvmFlags() {
        return jvmFlags(spec, jvm.flags(spec.name()), System.getenv());
    }

    /**
     * The flags of the mode, except for a gateway given {@value #GATEWAY_HEAP_ENV}: that heap from the start and the
     * full JIT with G1, to hold thousands of live streams (each costs about 120 KB; the gateway checks its budget at
     * start, live.StreamBudget).
     */
    static List<String> jvmFlags(ServiceSpec spec, List<String> modeFlags, java.util.Map<String, String> env) {
        String heap = env.get(GATEWAY_HEAP_ENV);
        if (!spec.isGateway() || heap == null || heap.isBlank()) {
            return modeFlags;
        }
        if (!heap.strip().matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException(GATEWAY_HEAP_ENV + " must be a heap size like 2g or 1536m, not " + heap);
        }
        List<String> flags = new ArrayList<>(List.of("-Xms" + heap.strip(), "-Xmx" + heap.strip()));
        for (String flag : modeFlags) {
            if (flag.startsWith("-Xms") || flag.startsWith("-Xmx") || flag.equals("-XX:TieredStopAtLevel=1")) {
                continue;
            }
            flags.add(switch (flag) {
                case "-XX:ReservedCodeCacheSize=64m" -> "-XX:ReservedCodeCacheSize=128m";
                // Serial copied a young generation full of just-opened streams in one 4.5 s pause; G1 keeps to its
                // pause goal by sizing the young generation
                case "-XX:+UseSerialGC" -> "-XX:+UseG1GC";
                default -> flag;
            });
        }
        if (!flags.contains("-XX:+UseG1GC")) {
            flags.add("-XX:+UseG1GC");
        }
        return List.copyOf(flags);
    }

    /** The Spring properties that wire this service into the stack. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port());
        args.add("--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka());
        spec.database().ifPresent(db -> {
            args.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + db);
            args.add("--spring.datasource.username=postgres");
            args.add("--spring.datasource.password=");
        });
        if (spec.sendsMail()) {
            args.add("--spring.mail.host=127.0.0.1");
            args.add("--spring.mail.port=" + ports.smtp());
        }
        int identityPort = ports.service(ServiceCatalog.IDENTITY);
        String issuer = "http://localhost:" + identityPort;
        String site = "http://localhost:" + ports.gateway();
        args.add("--services.identity.uri=http://127.0.0.1:" + identityPort);
        args.add("--services.identity.issuer=" + issuer);
        args.add("--services.site.uri=" + site);
        if (spec.name().equals(ServiceCatalog.IDENTITY) || spec.isGateway() || spec.name().equals("newsletter-service")) {
            // dev secrets and plain-http cookies; without it each refuses to start (ProductionSecretsGuard,
            // newsletter's ProductionTokenSecretGuard)
            args.add("--spring.profiles.active=dev");
        }
        if (spec.name().equals(ServiceCatalog.IDENTITY)) {
            args.add("--identity.issuer=" + issuer);
            args.add("--identity.site-url=" + site + "/");
            args.add("--identity.demo-users.enabled=true");
            args.add("--identity.clients.gateway.redirect-uris=" + site + "/login/oauth2/code/identity");
            args.add("--identity.clients.gateway.post-logout-redirect-uris=" + site + "/");
        }
        if (spec.isGateway() || spec.name().equals(ServiceCatalog.WEB)) {
            for (ServiceSpec routed : ServiceCatalog.all()) {
                if (!routed.isGateway() && !routed.name().equals(ServiceCatalog.IDENTITY)) {
                    args.add("--services." + routed.route() + ".uri=http://127.0.0.1:" + ports.service(routed.name()));
                }
            }
        }
        if (spec.isGateway()) {
            for (ServiceSpec routed : ServiceCatalog.all()) {
                if (routed.isGateway() || instances.count(routed.name()) < 2) {
                    continue;
                }
                List<Integer> all = instances.ports(routed.name());
                for (int i = 0; i < all.size(); i++) {
                    args.add("--spring.cloud.discovery.client.simple.instances." + routed.name() + "[" + i + "].uri="
                            + "http://127.0.0.1:" + all.get(i));
                }
            }
        }
        args.add("--spring.output.ansi.enabled=never");
        return args;
    }

    public Path jar() {
        return jar;
    }

    @Override
    public boolean isReady() {
        return process != null && process.isAlive() && readiness.answersOk();
    }

    @Override
    public Optional<String> failure() {
        return process == null ? Optional.empty() : process.exitDescription();
    }

    /** Kills the instance's processes at once (SIGKILL, as {@code kill -9}): no shutdown hook, nothing finished. */
    @Override
    public void kill() {
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public void stop(Duration grace) {
        if (process != null) {
            // a JVM recording its AOT cache writes it on the way out: a SIGKILL after the usual grace would lose it
            process.stop(recordingAotCache && grace.compareTo(AotCache.RECORDING_STOP_GRACE) < 0
                    ? AotCache.RECORDING_STOP_GRACE : grace);
        }
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public List<ProcessHandle> processes() {
        return process == null ? List.of() : process.processes();
    }

    @Override
    public String address() {
        return "http://127.0.0.1:" + port();
    }
}
