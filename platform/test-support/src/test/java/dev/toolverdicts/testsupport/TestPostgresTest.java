package dev.toolverdicts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void createsAFreshDatabasePerCallWithALegalUniqueName() throws SQLException {
        TestDatabase first = TestPostgres.newDatabase("Some.Test$Class");
        TestDatabase second = TestPostgres.newDatabase("Some.Test$Class");

        assertThat(first.name()).startsWith("some_test_class_").isNotEqualTo(second.name());
        try (Connection connection = first.dataSource().getConnection();
             ResultSet result = connection.createStatement().executeQuery("select current_database()")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo(first.name());
        }
    }

    @Test
    void sanitizesNamesPostgresWouldReject() {
        assertThat(TestPostgres.uniqueName("42-Weird Name")).startsWith("db_42_weird_name_");
        assertThat(TestPostgres.uniqueName("x".repeat(100))).hasSizeLessThanOrEqualTo(63);
    }
}
