package dev.toolverdicts.vote.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolverdicts.testsupport.TestDatabase;
import dev.toolverdicts.testsupport.TestPostgres;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The upgrade of a database that holds the old copy (table {@code tool}, V1): the library's V0_100_1 runs out of
 * order before the service's V2, which copies the rows into {@code published_tool}, moves the foreign keys and drops
 * {@code tool}.
 */
class PublishedToolMigrationTest {

    @Test
    void anExistingCopyMovesToPublishedToolWithItsBallotsTalliesAndFlags() {
        TestDatabase database = TestPostgres.newDatabase("PublishedToolMigrationTest");
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        flyway(database, "1", "classpath:db/migration", "classpath:db/outbox").migrate();
        UUID tool = UUID.randomUUID();
        jdbc.sql("insert into tool (tool_id, slug, status, catalog_version, changed_at) values (?, 'kept', 'PUBLISHED', 7, now())")
                .param(tool).update();
        jdbc.sql("insert into tally (tool_id, ship) values (?, 1)").param(tool).update();
        jdbc.sql("insert into member (member_id, first_seen_at) values ('alice', now())").update();
        jdbc.sql("insert into ballot (tool_id, member_id, choice, cast_at, updated_at) values (?, 'alice', 'SHIP', now(), now())")
                .param(tool).update();

        flyway(database, "latest", "classpath:db/migration", "classpath:db/outbox", "classpath:db/published-tools")
                .migrate();

        assertThat(jdbc.sql("select slug || ':' || status || ':' || catalog_version from published_tool where tool_id = ?")
                .param(tool).query(String.class).single()).isEqualTo("kept:PUBLISHED:7");
        assertThat(jdbc.sql("select to_regclass('tool') is null").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from ballot b join tally t using (tool_id) where b.tool_id = ?")
                .param(tool).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("insert into tally (tool_id) values (?)").param(UUID.randomUUID()).update())
                .hasMessageContaining("tally_tool_id_fkey");
    }

    private static Flyway flyway(TestDatabase database, String target, String... locations) {
        return Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .locations(locations).outOfOrder(true).target(target).load();
    }
}
