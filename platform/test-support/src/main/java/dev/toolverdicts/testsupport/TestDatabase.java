package dev.toolverdicts.testsupport;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/** Coordinates of one database created for a test on the shared embedded PostgreSQL server. */
public record TestDatabase(String name, String url, String username, String password) {

    /** A plain, unpooled DataSource on this database. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }
}
