package dev.toolverdicts.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.comparison.compare.Comparisons;
import dev.toolverdicts.comparison.ingest.Projections;
import dev.toolverdicts.comparison.matchup.MatchupViews;
import dev.toolverdicts.comparison.store.GenerationSchemas;
import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.comparison.support.Scenario;
import dev.toolverdicts.comparison.tool.ToolRank;
import dev.toolverdicts.comparison.tool.ToolViews;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read model is a function of the set of events: any interleaving (across and within keys), with duplicates
 * and replays, gives exactly the views that in-order delivery gives. Applies events straight to the projection code
 * (no Kafka in the path), each run into a fresh generation schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.kafka.listener.auto-startup=false")
@WithPostgres
@WithKafka
class ProjectionInterleavingTest {

    private static final Scenario SCENARIO = new Scenario();

    @Autowired
    Projections projections;

    @Autowired
    GenerationSchemas schemas;

    @Autowired
    ToolViews tools;

    @Autowired
    MatchupViews matchups;

    @Autowired
    Comparisons comparisons;

    @Autowired
    JsonMapper json;

    @Test
    void inOrderDeliveryGivesTheSeedScenario() {
        ViewSchema schema = fresh("in_order");
        SCENARIO.events().forEach(event -> projections.apply(schema, event));

        var smolvlm = tools.load(schema, SCENARIO.smolvlmSlug()).orElseThrow();
        assertThat(smolvlm.panel().display()).isEqualTo("75% · 3 of 4");
        assertThat(smolvlm.community().display()).isEqualTo("—");
        assertThat(smolvlm.entry()).isEqualTo("Free");
        assertThat(smolvlm.reviewers()).extracting(v -> v.reviewer())
                .containsExactly("Ada Builder", "Sam Skeptic", "Fay Futurist", "Grace Buyer");
        assertThat(smolvlm.reviewers()).allMatch(v -> v.revisionCount() == 2);
        var codeLlama = tools.load(schema, SCENARIO.codeLlamaSlug()).orElseThrow();
        assertThat(codeLlama.panel().display()).isEqualTo("100% · 4 of 4");
        assertThat(codeLlama.community().display()).isEqualTo("80% · 8 of 10");
        assertThat(codeLlama.community().interval().display()).isEqualTo("49–94.3%");
        var matchup = matchups.load(schema, SCENARIO.matchupSlug()).orElseThrow();
        assertThat(matchup.scorecard()).hasSize(4);
        assertThat(matchup.summary().panelLeansTo()).isEqualTo(SCENARIO.codeLlamaSlug());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 1234, 98765})
    void anyInterleavingWithDuplicatesAndReplaysGivesTheInOrderViews(long seed) {
        ViewSchema inOrder = fresh("ordered_" + seed);
        SCENARIO.events().forEach(event -> projections.apply(inOrder, event));

        Random random = new Random(seed);
        List<Object> shuffled = new ArrayList<>(SCENARIO.events());
        for (int i = 0; i < 15; i++) {
            shuffled.add(shuffled.get(random.nextInt(shuffled.size())));
        }
        Collections.shuffle(shuffled, random);
        ViewSchema interleaved = fresh("shuffled_" + seed);
        shuffled.forEach(event -> projections.apply(interleaved, event));
        SCENARIO.events().subList(0, 10).forEach(event -> projections.apply(interleaved, event));

        assertThat(render(interleaved)).isEqualTo(render(inOrder));
    }

    @Test
    void archivedToolsAndWithdrawnVerdictsLeaveTheViewsWhateverTheOrder() {
        List<Object> events = new ArrayList<>(SCENARIO.events());
        events.add(SCENARIO.smolvlmBuyerWithdrawn());
        events.add(SCENARIO.codeLlama(3, ToolStatus.ARCHIVED));
        Collections.shuffle(events, new Random(3));
        ViewSchema schema = fresh("gone");
        events.forEach(event -> projections.apply(schema, event));

        var smolvlm = tools.load(schema, SCENARIO.smolvlmSlug()).orElseThrow();
        assertThat(smolvlm.panel().display()).isEqualTo("100% · 3 of 3");
        assertThat(smolvlm.reviewers()).extracting(v -> v.reviewer()).doesNotContain("Grace Buyer");
        assertThat(tools.load(schema, SCENARIO.codeLlamaSlug())).isEmpty();
        assertThat(matchups.load(schema, SCENARIO.matchupSlug())).isEmpty();
        assertThat(tools.ranked(schema, ToolRank.PANEL, 0, 100).items()).extracting(t -> t.slug())
                .contains(SCENARIO.smolvlmSlug()).doesNotContain(SCENARIO.codeLlamaSlug());
    }

    private String render(ViewSchema schema) {
        List<Object> views = new ArrayList<>();
        views.add(tools.load(schema, SCENARIO.smolvlmSlug()).orElseThrow());
        views.add(tools.load(schema, SCENARIO.codeLlamaSlug()).orElseThrow());
        views.add(matchups.load(schema, SCENARIO.matchupSlug()).orElseThrow());
        views.add(comparisons.load(schema, List.of(SCENARIO.codeLlamaSlug(), SCENARIO.smolvlmSlug())).orElseThrow());
        for (ToolRank rank : ToolRank.values()) {
            views.add(tools.ranked(schema, rank, 0, 100));
        }
        views.add(matchups.latest(schema, 0, 100));
        return json.writeValueAsString(views);
    }

    private ViewSchema fresh(String name) {
        ViewSchema schema = new ViewSchema("test_" + name);
        schemas.drop(schema);
        schemas.migrate(schema);
        return schema;
    }
}
