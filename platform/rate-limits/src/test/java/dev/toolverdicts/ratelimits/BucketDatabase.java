package dev.toolverdicts.ratelimits;

import dev.toolverdicts.testsupport.TestDatabase;
import dev.toolverdicts.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import com.zaxxer.hikari.HikariDataSource;

/** A fresh database with the library's migration applied, and a pooled JdbcTemplate on it, for the store's tests. */
final class BucketDatabase implements AutoCloseable {

    final TestDatabase database;
    final HikariDataSource dataSource;
    final JdbcTemplate jdbc;

    BucketDatabase(String name) {
        database = TestPostgres.newDatabase(name);
        Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .locations(RateLimitsFlywayLocations.LOCATION).load().migrate();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(8);
        jdbc = new JdbcTemplate(dataSource);
    }

    double tokens(String key) {
        return jdbc.queryForObject("select tokens from rate_limit_bucket where bucket_key = ?", Double.class, key);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
