package dev.toolverdicts.devstack.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import dev.toolverdicts.devstack.Part;
import dev.toolverdicts.devstack.process.ChildProcess;
import dev.toolverdicts.devstack.process.LogMarker;
import dev.toolverdicts.devstack.process.PortCheck;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one process) run from the Maven jars the build copied
 * to {@code dev-stack/target/kafka-libs}. Its storage is formatted once and kept across restarts.
 */
public final class KafkaBroker implements Part {

    private static final String STARTED = "Kafka Server started";

    private final int port;
    private final int controllerPort;
    private final Path libs;
    private final Path dataDir;
    private final Path configDir;
    private final Path log;
    private ChildProcess broker;
    private LogMarker started;
    private volatile String failure;

    public KafkaBroker(int port, int controllerPort, Path libs, Path dataDir, Path configDir, Path log) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.libs = libs;
        this.dataDir = dataDir;
        this.configDir = configDir;
        this.log = log;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public List<Integer> ports() {
        return List.of(port, controllerPort);
    }

    @Override
    public void start() throws IOException, InterruptedException {
        if (!hasKafkaJar()) {
            failure = "no Kafka jars in " + libs + " (build the dev-stack module first)";
            return;
        }
        Files.createDirectories(dataDir);
        Files.createDirectories(configDir);
        Path serverProperties = configDir.resolve("server.properties");
        Files.writeString(serverProperties, serverProperties());
        Files.writeString(configDir.resolve("log4j2.properties"), log4jConfig());
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            formatStorage(serverProperties);
        }
        broker = new ChildProcess(name(), command("kafka.Kafka", serverProperties.toString()), configDir, log);
        started = new LogMarker(log, STARTED);
        broker.start();
    }

    private void formatStorage(Path serverProperties) throws IOException, InterruptedException {
        Path formatLog = log.resolveSibling("kafka-format.log");
        ChildProcess format = new ChildProcess("kafka-format",
                command("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", serverProperties.toString()),
                configDir, formatLog);
        int exit = format.runToEnd(Duration.ofMinutes(2));
        if (exit != 0) {
            failure = "formatting storage failed (exit " + exit + "), see " + formatLog;
        }
    }

    private List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(),
                "-Xms128m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + configDir.resolve("log4j2.properties"),
                "-cp", libs.toAbsolutePath() + "/*", mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private String serverProperties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=4194304",
                "num.network.threads=2",
                "num.io.threads=4",
                "background.threads=4",
                "");
    }

    private static String log4jConfig() {
        return String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = OUT",
                "logger.state.name = state.change.logger",
                "logger.state.level = WARN",
                "");
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, as {@code StorageTool random-uuid} makes. */
    private static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private boolean hasKafkaJar() throws IOException {
        if (!Files.isDirectory(libs)) {
            return false;
        }
        try (var files = Files.list(libs)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        }
    }

    @Override
    public boolean isReady() {
        return broker != null && started.seen() && !PortCheck.isFree(port);
    }

    @Override
    public Optional<String> failure() {
        if (failure != null) {
            return Optional.of(failure);
        }
        return broker == null ? Optional.empty() : broker.exitDescription();
    }

    /** SIGKILL, as a crash or {@code kill -9}: the broker recovers its log segments on the next start. */
    @Override
    public void kill() {
        if (broker != null) {
            broker.kill();
        }
    }

    @Override
    public void stop(Duration grace) {
        if (broker != null) {
            broker.stop(grace);
        }
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public List<ProcessHandle> processes() {
        return broker == null ? List.of() : broker.processes();
    }

    @Override
    public String address() {
        return "127.0.0.1:" + port;
    }
}
