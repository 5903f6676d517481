package dev.toolverdicts.comparison.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates, migrates and drops the schema of a generation. Every generation gets the same migrations
 * ({@value #LOCATION}) with a Flyway history of its own, so a fresh rebuild has exactly the tables the live one has.
 */
@Component
public class GenerationSchemas {

    static final String LOCATION = "classpath:db/view";

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    GenerationSchemas(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Creates the schema if needed and brings its tables to the latest migration. */
    public void migrate(ViewSchema schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema.name())
                .defaultSchema(schema.name())
                .createSchemas(true)
                .locations(LOCATION)
                .load()
                .migrate();
    }

    public void drop(ViewSchema schema) {
        jdbc.sql("drop schema if exists " + schema.name() + " cascade").update();
    }
}
