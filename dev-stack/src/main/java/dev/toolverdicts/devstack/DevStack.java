package dev.toolverdicts.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.toolverdicts.devstack.demo.DemoAccounts;
import dev.toolverdicts.devstack.demo.DemoCatalog;
import dev.toolverdicts.devstack.demo.DemoPanel;
import dev.toolverdicts.devstack.demo.GatewayApi;
import dev.toolverdicts.devstack.demo.DemoLoadReport;
import dev.toolverdicts.devstack.entry.EntryBalancer;
import dev.toolverdicts.devstack.jvm.ServiceJvm;
import dev.toolverdicts.devstack.kafka.KafkaBroker;
import dev.toolverdicts.devstack.mail.MailSink;
import dev.toolverdicts.devstack.postgres.PostgresServer;
import dev.toolverdicts.devstack.process.EarlierLogs;
import dev.toolverdicts.devstack.process.Leftovers;
import dev.toolverdicts.devstack.process.PortCheck;
import dev.toolverdicts.devstack.progress.Progress;
import dev.toolverdicts.devstack.service.Instances;
import dev.toolverdicts.devstack.service.ServiceCatalog;
import dev.toolverdicts.devstack.service.ServiceProcess;

/**
 * The whole platform on real parts: PostgreSQL, a Kafka broker, a mail sink, then the services a few at a time,
 * the gateway last, then the demo catalog. Stops them in the reverse order. Usable from {@code main} and from tests.
 * With {@code --replicas}, a service's further instances start once its first is ready (so its Flyway migrations
 * and first-run seeding happened once); several gateways get the {@link EntryBalancer} on the public port.
 */
public final class DevStack implements AutoCloseable {

    private static final Duration SERVICE_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LEFTOVERS_EVERY = Duration.ofSeconds(1);
    private static final int LOG_LINES_ON_FAILURE = 15;
    private static final Path DEMO_CATALOG = Path.of("catalog-service/src/main/resources/demo/catalog.json");
    private static final Path DEMO_PANEL = Path.of("review-service/src/main/resources/demo/panel.json");

    private final StackConfig config;
    private final Progress progress;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final MailSink mail;
    private final List<ServiceProcess> services;
    private final List<ServiceProcess> extraInstances;
    private final Optional<ServiceProcess> gateway;
    private final List<ServiceProcess> extraGateways;
    private final Optional<EntryBalancer> entry;
    private final Leftovers leftovers;
    private final Map<Part, String> launchErrors = new ConcurrentHashMap<>();
    private final Set<Part> launched = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile DemoLoadReport demoReport;

    public DevStack(StackConfig config, Progress progress) {
        this.config = config;
        this.progress = progress;
        Ports ports = config.ports();
        this.postgres = new PostgresServer(ports.postgres(), config.dataDir().resolve("postgres"),
                config.runtimeDir().resolve("postgres-binaries"), logOf("postgres"), ServiceCatalog.databases());
        this.kafka = new KafkaBroker(ports.kafka(), ports.kafkaController(), config.devStackTarget().resolve("kafka-libs"),
                config.dataDir().resolve("kafka"), config.runtimeDir().resolve("kafka"), logOf("kafka"));
        this.mail = new MailSink(ports.smtp(), ports.imap(), ports.mailApi(),
                config.devStackTarget().resolve("greenmail-standalone.jar"), config.runtimeDir().resolve("mail"),
                logOf("mail"));
        Instances instances = config.instances();
        List<ServiceProcess> all = config.services().stream()
                .flatMap(spec -> java.util.stream.IntStream.range(0, instances.count(spec.name()))
                        .mapToObj(i -> new ServiceProcess(spec, i, instances, config.jvm(), config.repoRoot(),
                                config.runtimeDir(),
                                logOf(Instances.name(spec.name(), i)))))
                .toList();
        this.services = all.stream().filter(s -> !s.spec().isGateway() && s.instance() == 0).toList();
        this.extraInstances = all.stream().filter(s -> !s.spec().isGateway() && s.instance() > 0).toList();
        this.gateway = all.stream().filter(s -> s.spec().isGateway() && s.instance() == 0).findFirst();
        this.extraGateways = all.stream().filter(s -> s.spec().isGateway() && s.instance() > 0).toList();
        this.entry = gateway.isPresent() && instances.gatewayBehindBalancer()
                ? Optional.of(new EntryBalancer(ports.gateway(), instances.ports(ServiceCatalog.GATEWAY), logOf("entry")))
                : Optional.empty();
        this.leftovers = new Leftovers(config.runtimeDir().resolve("processes.txt"));
    }

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dev-stack: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        Path repoRoot = Path.of(System.getProperty("devstack.repoRoot", "")).toAbsolutePath();
        StackConfig config = StackConfig.of(repoRoot, repoRoot.resolve(".dev-stack"), Ports.defaults(), options.services())
                .withReplicas(options.replicas())
                .withJvm(ServiceJvm.of(options.jvm(), repoRoot));
        if (!options.demoData()) {
            config = config.withoutDemoData();
        }
        Progress progress = Progress.toStdout();
        DevStack stack = new DevStack(config, progress);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "dev-stack-shutdown"));
        try {
            if (options.reset()) {
                stack.startFresh();
            } else {
                stack.start();
            }
        } catch (StartFailure failure) {
            System.err.println("dev-stack: " + failure.getMessage());
            System.exit(1);
        }
        stack.printSummary();
        stack.watchUntilStopped();
    }

    /** Starts every part and waits until each is ready; returns the time it took. On failure nothing is left running. */
    public Duration start() throws StartFailure {
        return start(false);
    }

    /** Like {@link #start()}, but deletes the data folder first (once it is sure no part is running). */
    public Duration startFresh() throws StartFailure {
        return start(true);
    }

    private Duration start(boolean deleteData) throws StartFailure {
        long started = System.nanoTime();
        try {
            int previous = leftovers.stopPreviousRun(SERVICE_GRACE);
            if (previous > 0) {
                progress.info("stopped " + previous + " process(es) a previous run had left behind");
            }
            preflight();
            if (deleteData) {
                deleteData();
            }
            createFolders();
            allParts().forEach(p -> progress.expect(p.name()));
            progress.info("service JVMs in " + config.jvm().mode().marker() + " mode ("
                    + (config.jvm().mode() == dev.toolverdicts.devstack.jvm.JvmMode.PERF
                            ? "the container image's settings" : "quick start; --perf for the image's settings") + ")");
            progress.info("starting PostgreSQL, Kafka and the mail sink; logs in " + config.logDir());
            startAndAwait(List.of(postgres, kafka, mail), 3);
            startAndAwait(List.copyOf(services), config.parallelStarts());
            startAndAwait(extraInstances, config.parallelStarts());
            if (gateway.isPresent()) {
                startAndAwait(List.of(gateway.get()), 1);
                startAndAwait(extraGateways, config.parallelStarts());
            }
            if (entry.isPresent()) {
                startAndAwait(List.of(entry.get()), 1);
            }
        } catch (StartFailure failure) {
            stop();
            throw failure;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        progress.info(String.format("all %d parts up in %.1f s", allParts().size(), took.toMillis() / 1000.0));
        if (config.loadDemoData()) {
            loadDemoData();
        }
        return took;
    }

    private void preflight() throws StartFailure {
        List<String> problems = new ArrayList<>();
        for (ServiceProcess service : allServices()) {
            if (service.instance() == 0 && !Files.isRegularFile(service.jar())) {
                problems.add(service.name() + ": no jar at " + config.repoRoot().relativize(service.jar())
                        + " (build with ./mvnw -DskipTests package, or leave it out with --only)");
            }
        }
        Map<String, List<Integer>> portsByPart = new LinkedHashMap<>();
        allParts().forEach(part -> portsByPart.put(part.name(), part.ports()));
        problems.addAll(PortCheck.problems(portsByPart));
        if (!problems.isEmpty()) {
            throw new StartFailure("cannot start:\n  " + String.join("\n  ", problems));
        }
    }

    private void createFolders() throws StartFailure {
        try {
            Files.createDirectories(config.dataDir());
            Files.createDirectories(config.logDir());
            Files.createDirectories(config.runtimeDir());
        } catch (IOException e) {
            throw new StartFailure("cannot create " + config.workDir() + ": " + e.getMessage());
        }
    }

    /** Starts the parts at most {@code atOnce} at a time, in order, returning when all are ready. */
    private void startAndAwait(List<? extends Part> parts, int atOnce) throws StartFailure {
        Deque<Part> queue = new ArrayDeque<>(parts);
        Map<Part, Long> starting = new LinkedHashMap<>();
        long recorded = 0;
        while (!queue.isEmpty() || !starting.isEmpty()) {
            if (stopping) {
                throw new StartFailure("stopped while starting");
            }
            boolean launchedOne = false;
            while (starting.size() < atOnce && !queue.isEmpty()) {
                Part part = queue.poll();
                launch(part);
                starting.put(part, System.nanoTime());
                launchedOne = true;
            }
            // listing every part's descendants scans all of /proc: every poll, that cost the launcher ~15% of a
            // core while the services started (35 s of CPU in a 235 s start); new processes show up within a second
            if (launchedOne || System.nanoTime() - recorded > LEFTOVERS_EVERY.toNanos()) {
                leftovers.record(processes());
                recorded = System.nanoTime();
            }
            for (var it = starting.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                Part part = entry.getKey();
                double seconds = (System.nanoTime() - entry.getValue()) / 1e9;
                Optional<String> failure = failureOf(part);
                if (failure.isPresent()) {
                    throw failed(part, failure.get());
                }
                if (part.isReady()) {
                    progress.ready(part.name(), String.format("%-40s (%.1f s)", part.address(), seconds));
                    it.remove();
                } else if (seconds > config.startTimeout().toSeconds()) {
                    throw failed(part, "not ready after " + config.startTimeout().toSeconds() + " s");
                }
            }
            sleep(POLL);
        }
    }

    private void launch(Part part) {
        launched.add(part);
        Thread.ofVirtual().name("start-" + part.name()).start(() -> {
            try {
                part.start();
                if (stopping) {
                    part.stop(Duration.ofSeconds(5));
                }
            } catch (Exception e) {
                launchErrors.put(part, "could not be launched: " + e);
            }
        });
    }

    private Optional<String> failureOf(Part part) {
        String launchError = launchErrors.get(part);
        return launchError != null ? Optional.of(launchError) : part.failure();
    }

    private StartFailure failed(Part part, String reason) {
        progress.failed(part.name(), reason + ", see " + part.log());
        String tail = tail(part.log());
        return new StartFailure(part.name() + " " + reason + "; its log is " + part.log()
                + (tail.isEmpty() ? "" : "\n--- last lines of " + part.log().getFileName() + " ---\n" + tail));
    }

    private void loadDemoData() {
        if (gateway.isEmpty() || !config.runs("catalog-service") || !config.runs(ServiceCatalog.IDENTITY)) {
            progress.info("demo data skipped: needs the gateway, identity-service and catalog-service");
            return;
        }
        DemoLoadReport report = new DemoLoadReport();
        GatewayApi api = new GatewayApi(gatewayUri());
        try {
            DemoAccounts accounts = new DemoAccounts(identityIssuer(), DemoAccounts.DEFAULT_PASSWORD);
            new DemoCatalog(api, config.repoRoot().resolve(DEMO_CATALOG)).load(accounts.token(DemoAccounts.EDITOR),
                    report);
            if (config.runs("review-service")) {
                new DemoPanel(api, config.repoRoot().resolve(DEMO_PANEL)).load(accounts, report);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.failed("interrupted");
        } catch (RuntimeException e) {
            report.failed("demo data: " + e.getMessage());
        }
        demoReport = report;
        progress.info(report.summary());
        report.failures().stream().skip(1).limit(3).forEach(f -> progress.info("  also: " + f));
    }

    /** The identity service's issuer, as browsers and tokens know it. */
    public URI identityIssuer() {
        return URI.create("http://localhost:" + config.ports().service(ServiceCatalog.IDENTITY));
    }

    /**
     * Kills the named part ({@code kafka}, {@code vote-service}, {@code gateway-2}, ...) with SIGKILL, as a crash
     * would: nothing of it shuts down cleanly. Returns once its processes are gone; {@link #restart} brings it back.
     */
    public void kill(String name) {
        Part part = part(name);
        progress.info("kill -9 " + part.name());
        part.kill();
    }

    /**
     * Starts the named part again on the same ports and data folder (stopping it first if it still runs), keeping
     * its previous log as {@code logs/<part>.1.log} (then {@code .2}, ...), and waits until it is ready again.
     * Returns the time from the restart to ready.
     */
    public Duration restart(String name) throws StartFailure {
        Part part = part(name);
        if (!part.processes().isEmpty()) {
            part.stop(SERVICE_GRACE);
        }
        long started = System.nanoTime();
        try {
            EarlierLogs.keep(part.log());
            launched.add(part);
            part.start();
        } catch (Exception e) {
            throw failed(part, "could not be restarted: " + e);
        }
        leftovers.record(processes());
        long deadline = started + config.startTimeout().toNanos();
        while (!part.isReady()) {
            Optional<String> failure = part.failure();
            if (failure.isPresent()) {
                throw failed(part, failure.get() + " after a restart");
            }
            if (stopping) {
                throw new StartFailure("stopped while restarting " + part.name());
            }
            if (System.nanoTime() > deadline) {
                throw failed(part, "not ready " + config.startTimeout().toSeconds() + " s after a restart");
            }
            sleep(POLL);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        progress.ready(part.name(), String.format("%-40s (restarted in %.1f s)", part.address(), took.toMillis() / 1000.0));
        return took;
    }

    /** The part with this name, e.g. {@code kafka}, {@code comparison-service}, {@code gateway-2}. */
    public Part part(String name) {
        return allParts().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part named " + name + "; the parts are "
                        + allParts().stream().map(Part::name).toList()));
    }

    /** Stops services and gateway (SIGTERM, then SIGKILL after a grace period), then Kafka, mail and PostgreSQL. */
    public synchronized void stop() {
        stopping = true;
        if (launched.isEmpty()) {
            return;
        }
        progress.info("stopping...");
        entry.filter(launched::contains).ifPresent(balancer -> balancer.stop(Duration.ZERO));
        List<Thread> stoppers = allServices().stream()
                .filter(launched::contains)
                .map(s -> Thread.ofVirtual().start(() -> s.stop(SERVICE_GRACE)))
                .toList();
        stoppers.forEach(DevStack::join);
        if (launched.contains(kafka)) {
            kafka.stop(Duration.ofSeconds(30));
        }
        if (launched.contains(mail)) {
            mail.stop(Duration.ofSeconds(5));
        }
        if (launched.contains(postgres)) {
            postgres.stop(Duration.ofSeconds(20));
        }
        launched.clear();
        leftovers.clear();
        progress.info("stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private void deleteData() throws StartFailure {
        Path data = config.dataDir();
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new StartFailure("cannot delete " + data + ": " + e);
        }
        progress.info("deleted " + data);
    }

    /** After a successful start: report any part that dies, until the stack is stopped. */
    public void watchUntilStopped() {
        Set<Part> reported = new HashSet<>();
        while (!stopping) {
            for (Part part : allParts()) {
                Optional<String> failure = part.failure();
                if (failure.isPresent() && reported.add(part) && !stopping) {
                    progress.failed(part.name(), "stopped unexpectedly (" + failure.get() + "), see " + part.log());
                }
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    public void printSummary() {
        StringBuilder out = new StringBuilder("\nTool Verdicts dev stack is up");
        out.append(String.format(" in %.1f s", progress.elapsedSeconds()));
        out.append(" (PostgreSQL, Kafka, mail sink + ").append(config.services().size()).append(" services");
        if (allServices().size() > config.services().size()) {
            out.append(", ").append(allServices().size()).append(" instances");
        }
        out.append(")\n");
        if (gateway.isPresent()) {
            String site = "http://localhost:" + config.ports().gateway();
            out.append("  open   ").append(site).append("/compare/smolvlm-3b-vs-code-llama-4\n");
            out.append("         ").append(site).append("/  (sign in as ").append(DemoAccounts.EDITOR)
                    .append(", member1@toolverdicts.dev, ... with ").append(DemoAccounts.DEFAULT_PASSWORD).append(")\n");
            out.append("  api    ").append(site).append("/api/comparisons/tools/smolvlm-3b\n");
        }
        for (ServiceProcess service : Stream.concat(services.stream(), extraInstances.stream()).toList()) {
            out.append(String.format("  %-19s %s%n", service.name(), service.address()));
        }
        if (entry.isPresent()) {
            for (ServiceProcess instance : gateways()) {
                out.append(String.format("  %-19s %s%n", instance.name(), instance.address()));
            }
            out.append("  entry  ").append(entry.get().address()).append('\n');
        }
        out.append("  mail   ").append(mail.address()).append('\n');
        out.append("  db     ").append(postgres.address()).append('\n');
        out.append("  kafka  ").append(kafka.address()).append('\n');
        out.append("  logs   ").append(config.logDir()).append("/<part>.log\n");
        out.append("  data   ").append(config.dataDir()).append("  (--reset starts empty)\n");
        out.append("Ctrl-C stops everything.");
        progress.info(out.toString());
    }

    /** Every part, in start order. */
    public List<Part> parts() {
        return allParts();
    }

    /** Every operating-system process the stack started, with descendants, as they are right now. */
    public List<ProcessHandle> processes() {
        return allParts().stream().flatMap(p -> p.processes().stream()).toList();
    }

    public Optional<DemoLoadReport> demoReport() {
        return Optional.ofNullable(demoReport);
    }

    /** The public entry: the gateway itself, or the balancer in front of several. */
    public URI gatewayUri() {
        return URI.create("http://127.0.0.1:" + config.ports().gateway());
    }

    /** Every instance of the service, first instance first. */
    public List<ServiceProcess> instances(String service) {
        return allServices().stream().filter(s -> s.spec().name().equals(service)).toList();
    }

    /** Every gateway instance, in instance order. */
    public List<ServiceProcess> gateways() {
        return Stream.concat(gateway.stream(), extraGateways.stream()).toList();
    }

    /** The balancer on the public port when several gateways run. */
    public Optional<EntryBalancer> entry() {
        return entry;
    }

    public StackConfig config() {
        return config;
    }

    private List<ServiceProcess> allServices() {
        return Stream.of(services, extraInstances, gateways()).flatMap(List::stream).toList();
    }

    private List<Part> allParts() {
        List<Part> parts = new ArrayList<>(List.of(postgres, kafka, mail));
        parts.addAll(allServices());
        entry.ifPresent(parts::add);
        return List.copyOf(parts);
    }

    private Path logOf(String part) {
        return config.logDir().resolve(part + ".log");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
