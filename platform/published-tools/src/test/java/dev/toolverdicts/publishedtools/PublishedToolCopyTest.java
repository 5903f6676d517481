package dev.toolverdicts.publishedtools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.consumers.RegisteredConsumers;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The copy of catalog.tool.v1: version-guarded, every status kept, "published?" answered at read time. */
@SpringBootTest(properties = "platform.consumers.group-prefix=${spring.application.name}")
@WithPostgres
@WithKafka
class PublishedToolCopyTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    @Autowired
    PublishedToolHandler handler;

    @Autowired
    PublishedTools tools;

    @Autowired
    RegisteredConsumers consumers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyANewerVersionLandsAndOnlyThenTheServicesCallbackRuns() {
        UUID id = UUID.randomUUID();
        String slug = slug(id);

        assertThat(handler.apply(event(id, 2, slug, ToolStatus.PUBLISHED))).isTrue();
        assertThat(handler.apply(event(id, 1, slug, ToolStatus.DRAFT))).isFalse();
        assertThat(handler.apply(event(id, 2, "renamed-" + slug, ToolStatus.ARCHIVED))).isFalse();

        assertThat(tools.findById(id)).hasValue(new PublishedTool(id, slug, ToolStatus.PUBLISHED, 2));
        assertThat(PublishedToolsTestApplication.LANDED).containsOnlyOnce(id);

        assertThat(handler.apply(event(id, 3, slug, ToolStatus.ARCHIVED))).isTrue();
        assertThat(tools.findById(id)).hasValue(new PublishedTool(id, slug, ToolStatus.ARCHIVED, 3));
        assertThat(PublishedToolsTestApplication.LANDED).filteredOn(id::equals).hasSize(2);
    }

    @Test
    void draftAndArchivedToolsAreKnownButNotPublished() {
        UUID draft = UUID.randomUUID();
        UUID archived = UUID.randomUUID();
        handler.apply(event(draft, 1, slug(draft), ToolStatus.DRAFT));
        handler.apply(event(archived, 1, slug(archived), ToolStatus.PUBLISHED));
        handler.apply(event(archived, 2, slug(archived), ToolStatus.ARCHIVED));

        assertThat(tools.findBySlug(slug(draft))).get().extracting(PublishedTool::published).isEqualTo(false);
        assertThat(tools.findPublished(slug(draft))).isEmpty();
        assertThat(tools.findBySlug(slug(archived))).get().extracting(PublishedTool::status)
                .isEqualTo(ToolStatus.ARCHIVED);
        assertThat(tools.findPublished(slug(archived))).isEmpty();
        assertThat(tools.findPublished("no-such-tool")).isEmpty();
        assertThat(tools.findById(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aReusedSlugFindsThePublishedTool() {
        UUID old = UUID.randomUUID();
        UUID current = UUID.randomUUID();
        String slug = slug(old);
        handler.apply(event(current, 1, slug, ToolStatus.PUBLISHED));
        handler.apply(new ToolEvent(old, 4, slug, "Old", "Vendor", "Developer Tools", "Gone", null, "MIT",
                ToolStatus.ARCHIVED, T0.plus(1, ChronoUnit.DAYS)));

        assertThat(tools.findBySlug(slug)).get().extracting(PublishedTool::toolId).isEqualTo(current);
        assertThat(tools.findPublished(slug)).get().extracting(PublishedTool::toolId).isEqualTo(current);
    }

    @Test
    void theCopyIsItsOwnConsumerOfCatalogToolsWithItsTableFromTheLibrarysMigrations() {
        assertThat(consumers.byPurpose(PublishedToolsAutoConfiguration.PURPOSE)).get().satisfies(consumer -> {
            assertThat(consumer.groupId()).isEqualTo("published-tools-test.published-tools");
            assertThat(consumer.topics()).containsExactly(Topics.CATALOG_TOOL);
        });
        assertThat(jdbc.sql("select version from flyway_schema_history where script like 'V0_100_1__%'")
                .query(String.class).single()).isEqualTo("0.100.1");
    }

    private static String slug(UUID id) {
        return "tool-" + id.toString().substring(0, 8);
    }

    private static ToolEvent event(UUID id, long version, String slug, ToolStatus status) {
        return new ToolEvent(id, version, slug, "Name " + version, "Vendor", "Developer Tools", "A tagline", null,
                "Apache-2.0", status, T0.plusSeconds(version));
    }
}
