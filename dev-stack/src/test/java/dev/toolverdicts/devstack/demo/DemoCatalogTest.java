package dev.toolverdicts.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The demo catalog resource is valid against the catalog API's limits before any service sees it. */
class DemoCatalogTest {

    @Test
    void theDemoCatalogHasTheToolsTheBriefAsksForAndMore() {
        List<DemoTool> tools = DemoCatalog.tools();

        assertThat(tools).extracting(DemoTool::slug)
                .contains("smolvlm-3b", "code-llama-4", "llama-4-compact-12b")
                .doesNotHaveDuplicates()
                .hasSizeGreaterThanOrEqualTo(7);
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.name()).isNotBlank();
            assertThat(tool.vendor()).isNotBlank();
            assertThat(tool.category()).isNotBlank().hasSizeLessThanOrEqualTo(60);
            assertThat(tool.tagline()).isNotBlank().hasSizeLessThanOrEqualTo(140);
            assertThat(tool.description()).isNotBlank();
            assertThat(tool.license()).isNotBlank();
        });
    }
}
