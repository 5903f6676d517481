package dev.toolverdicts.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.events.catalog.MatchupEvent;
import dev.toolverdicts.events.catalog.MatchupStatus;
import dev.toolverdicts.events.catalog.Modality;
import dev.toolverdicts.events.catalog.PricingModel;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolFacts;
import dev.toolverdicts.events.catalog.ToolLinks;
import dev.toolverdicts.events.catalog.ToolPricing;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.events.kafka.EventDeserializer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the JSON of the catalog's richer events: {@code catalog.tool.v1} with the optional pricing, facts and links
 * added within v1, and {@code catalog.matchup.v1}. The first {@code catalog.tool.v1} shape stays pinned by
 * {@link ToolEventContractTest}.
 */
class CatalogEventContractTest {

    private static final UUID SMOLVLM = UUID.fromString("7b1c6f0e-2f4a-4c55-9a57-3c1d2e8f9a10");
    private static final UUID CODE_LLAMA = UUID.fromString("0a4e1c8d-6b2f-4d3e-9f10-2b3c4d5e6f70");

    private static final ToolEvent FULL_TOOL = new ToolEvent(CODE_LLAMA, 5, "code-llama-4", "Code Llama 4", "Meta",
            "Developer Tools", "Open-weight coding models at 7B, 34B and 200B",
            "Open-weight models for writing, completing and explaining code, from laptop size to data-center size.",
            "Llama Community License", ToolStatus.PUBLISHED, Instant.parse("2026-11-23T09:30:00Z"),
            new ToolPricing(PricingModel.USAGE_BASED, new BigDecimal("0.50"), "USD", "1M tokens",
                    "$0.50 per 1M tokens"),
            new ToolFacts(List.of(new BigDecimal("7"), new BigDecimal("34"), new BigDecimal("200")),
                    List.of(Modality.TEXT, Modality.CODE), 131072, true, LocalDate.parse("2026-04-29"), "4.0"),
            new ToolLinks("https://ai.meta.com/llama/", "https://huggingface.co/meta-llama"),
            "https://logos.example.com/code-llama-4.svg");

    private static final MatchupEvent MATCHUP = new MatchupEvent(
            UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"), 2, "smolvlm-3b-vs-code-llama-4", SMOLVLM,
            "smolvlm-3b", CODE_LLAMA, "code-llama-4", "SmolVLM-3B vs Code Llama 4", MatchupStatus.PUBLISHED,
            Instant.parse("2026-11-23T10:05:00Z"), Instant.parse("2026-11-23T10:05:00Z"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aToolWithPricingFactsLinksAndLogoEncodesExactlyTheFixtureAndDecodesIt() throws IOException {
        byte[] fixture = fixture("catalog.tool.v1.full.json");
        assertThat(json.readTree(EventCodec.encode(FULL_TOOL))).isEqualTo(json.readTree(fixture));
        assertThat(EventCodec.decode(fixture, ToolEvent.class)).isEqualTo(FULL_TOOL);
    }

    @Test
    void theFirstV1ToolShapeStillDecodesWithNoPricingFactsOrLinks() throws IOException {
        ToolEvent old = EventCodec.decode(fixture("catalog.tool.v1.json"), ToolEvent.class);
        assertThat(old.slug()).isEqualTo("smolvlm-3b");
        assertThat(old.pricing()).isNull();
        assertThat(old.facts()).isNull();
        assertThat(old.links()).isNull();
        assertThat(old.logoUrl()).isNull();
    }

    @Test
    void aToolEventWrittenBeforeLogosStillDecodesWithoutALogo() throws IOException {
        String beforeLogos = new String(fixture("catalog.tool.v1.full.json"), StandardCharsets.UTF_8)
                .replaceFirst(",\\s*\"logoUrl\"\\s*:\\s*\"[^\"]*\"", "");
        assertThat(beforeLogos).doesNotContain("logoUrl");
        ToolEvent old = EventCodec.decode(beforeLogos.getBytes(StandardCharsets.UTF_8), ToolEvent.class);
        assertThat(old.logoUrl()).isNull();
        assertThat(old.links()).isEqualTo(FULL_TOOL.links());
    }

    @Test
    void absentFactsAreLeftOut() {
        ToolEvent sparse = new ToolEvent(CODE_LLAMA, 1, "x", "X", "V", "C", "t", null, null, ToolStatus.DRAFT,
                FULL_TOOL.changedAt(), new ToolPricing(PricingModel.FREE, null, null, null, "Free"),
                new ToolFacts(null, null, null, null, null, null), new ToolLinks(null, null));
        String encoded = new String(EventCodec.encode(sparse), StandardCharsets.UTF_8);
        assertThat(encoded).contains("\"entry\":\"Free\"").doesNotContain("amount").doesNotContain("openWeights")
                .doesNotContain("homepage").doesNotContain("logoUrl");
    }

    @Test
    void aMatchupEncodesExactlyTheFixtureAndDecodesIt() throws IOException {
        byte[] fixture = fixture("catalog.matchup.v1.json");
        assertThat(json.readTree(EventCodec.encode(MATCHUP))).isEqualTo(json.readTree(fixture));
        assertThat(EventCodec.decode(fixture, MatchupEvent.class)).isEqualTo(MATCHUP);
    }

    @Test
    void kafkaDeserializerMapsTheMatchupCeTypeToItsRecord() throws IOException {
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, EventTypes.CATALOG_MATCHUP.name().getBytes(StandardCharsets.UTF_8));
        assertThat(new EventDeserializer().deserialize(Topics.CATALOG_MATCHUP, headers,
                fixture("catalog.matchup.v1.json"))).isEqualTo(MATCHUP);
        assertThat(EventTypes.CATALOG_MATCHUP.topic()).isEqualTo("catalog.matchup.v1");
        assertThat(EventTypes.byName("dev.toolverdicts.catalog.matchup.v1")).contains(EventTypes.CATALOG_MATCHUP);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = CatalogEventContractTest.class.getResourceAsStream("/contract/" + name)) {
            return in.readAllBytes();
        }
    }
}
