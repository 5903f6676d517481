package dev.toolverdicts.review.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolverdicts.testsupport.TestDatabase;
import dev.toolverdicts.testsupport.TestPostgres;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The upgrade of a database that holds the old copy (table {@code known_tool}, V1): the library's V0_100_1 runs out
 * of order before the service's V2, which copies the rows into {@code published_tool}, moves the verdicts' foreign
 * key and drops {@code known_tool}.
 */
class PublishedToolMigrationTest {

    @Test
    void anExistingCopyMovesToPublishedToolWithItsVerdicts() {
        TestDatabase database = TestPostgres.newDatabase("PublishedToolMigrationTest");
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        flyway(database, "1", "classpath:db/migration", "classpath:db/outbox").migrate();
        UUID tool = UUID.randomUUID();
        UUID reviewer = UUID.randomUUID();
        jdbc.sql("""
                insert into known_tool (tool_id, slug, status, catalog_version, changed_at, applied_at)
                values (?, 'kept', 'ARCHIVED', 4, now(), now())""").param(tool).update();
        jdbc.sql("""
                insert into reviewer (id, user_id, display_name, lens, bio, disclosure, active, version, created_at,
                                      updated_at)
                values (?, 'ada', 'Ada', 'BUILDER', 'Bio', 'None', true, 1, now(), now())""").param(reviewer).update();
        jdbc.sql("""
                insert into verdict (id, tool_id, reviewer_id, verdict, take, status, revision_count, version,
                                     created_at, updated_at)
                values (?, ?, ?, 'SHIP', 'Good.', 'SUBMITTED', 1, 1, now(), now())""")
                .params(UUID.randomUUID(), tool, reviewer).update();

        flyway(database, "latest", "classpath:db/migration", "classpath:db/outbox", "classpath:db/published-tools")
                .migrate();

        assertThat(jdbc.sql("select slug || ':' || status || ':' || catalog_version from published_tool where tool_id = ?")
                .param(tool).query(String.class).single()).isEqualTo("kept:ARCHIVED:4");
        assertThat(jdbc.sql("select to_regclass('known_tool') is null").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from verdict v join published_tool t using (tool_id)")
                .query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("""
                insert into verdict (id, tool_id, reviewer_id, status, revision_count, version, created_at, updated_at)
                values (?, ?, ?, 'WITHDRAWN', 1, 1, now(), now())""")
                .params(UUID.randomUUID(), UUID.randomUUID(), reviewer).update())
                .hasMessageContaining("verdict_tool_id_fkey");
    }

    private static Flyway flyway(TestDatabase database, String target, String... locations) {
        return Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .locations(locations).outOfOrder(true).target(target).load();
    }
}
