package dev.toolverdicts.web.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.web.api.Comparison;
import dev.toolverdicts.web.api.Share;
import dev.toolverdicts.web.api.ToolView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heading of a comparison is always "A vs B"; an editor's headline becomes the subtitle. */
class ComparePageTest {

    private static final Share NONE = new Share(0, 0, null, "—", null);

    @Test
    void anEditorsHeadlineIsTheSubtitleAndTheNamesStayTheHeading() {
        ComparePage page = page("Tiny local VLM or a hosted API?");

        assertThat(page.heading()).isEqualTo("SmolVLM-3B vs Nimbus LLM API");
        assertThat(page.subtitle()).isEqualTo("Tiny local VLM or a hosted API?");
        assertThat(page.title()).startsWith("SmolVLM-3B vs Nimbus LLM API — Which one should you ship with?");
        assertThat(page.description()).contains("Tiny local VLM or a hosted API?");
    }

    @Test
    void aHeadlineThatOnlyRepeatsTheNamesIsNotShownTwice() {
        assertThat(page("SmolVLM-3B vs Nimbus LLM API").subtitle()).isNull();
        assertThat(page("smolvlm 3b VS nimbus llm api!").subtitle()).isNull();
        assertThat(page(null).subtitle()).isNull();
        assertThat(page("  ").subtitle()).isNull();
        assertThat(page(null).heading()).isEqualTo("SmolVLM-3B vs Nimbus LLM API");
    }

    private static ComparePage page(String headline) {
        Comparison comparison = new Comparison("smolvlm-3b-vs-nimbus-llm-api", headline,
                List.of(tool("smolvlm-3b", "SmolVLM-3B"), tool("nimbus-llm-api", "Nimbus LLM API")), List.of(), null);
        return ComparePage.of(comparison, "/compare/smolvlm-3b-vs-nimbus-llm-api", MyVotes.Ballots.NONE, List.of());
    }

    private static ToolView tool(String slug, String name) {
        return new ToolView(slug, slug, name, "Vendor", "Developer Tools", "Tagline", "Description", "MIT", "Free",
                null, null, NONE, NONE, List.of());
    }
}
