package dev.toolverdicts.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries, started on first use, stopped by a shutdown
 * hook) and a fresh database per caller. This is the single place tests get PostgreSQL from: a container-backed
 * server could be swapped in here without touching any test.
 */
public final class TestPostgres {

    private static final String USER = "postgres";
    private static final int MAX_IDENTIFIER = 63;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** Creates a new, empty database whose name starts with the sanitized {@code name} and is unique in this JVM. */
    public static TestDatabase newDatabase(String name) {
        EmbeddedPostgres postgres = server();
        String database = uniqueName(name);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + database, e);
        }
        return new TestDatabase(database, postgres.getJdbcUrl(USER, database), USER, USER);
    }

    /** The port of the shared server (started if needed). */
    public static int port() {
        return server().getPort();
    }

    static String uniqueName(String name) {
        String sanitized = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (sanitized.isEmpty() || !Character.isLetter(sanitized.charAt(0))) {
            sanitized = "db_" + sanitized;
        }
        String suffix = "_" + SEQUENCE.incrementAndGet();
        int room = MAX_IDENTIFIER - suffix.length();
        return (sanitized.length() > room ? sanitized.substring(0, room) : sanitized) + suffix;
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            ensureTempDirExists();
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "test-postgres-shutdown"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    private static void ensureTempDirExists() {
        new File(System.getProperty("java.io.tmpdir")).mkdirs();
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting; zonky's own cleanup removes the data folder
        }
    }
}
