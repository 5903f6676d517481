package dev.toolverdicts.comparison.support;

import dev.toolverdicts.events.catalog.MatchupEvent;
import dev.toolverdicts.events.catalog.MatchupStatus;
import dev.toolverdicts.events.catalog.PricingModel;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolPricing;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.events.review.Lens;
import dev.toolverdicts.events.review.ReviewerEvent;
import dev.toolverdicts.events.review.ShipOrSkip;
import dev.toolverdicts.events.review.VerdictEvent;
import dev.toolverdicts.events.review.VerdictStatus;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo scenario as events, with fresh ids and slugs per instance (tests share one broker and its topics):
 * SmolVLM-3B with 3 SHIP + 1 SKIP (the buyer skips) and no votes, Code Llama 4 with 4 SHIP and 8 of 10 community
 * SHIP, a matchup of the two, plus history (drafts, revisions, a renamed reviewer) so order matters if anything does.
 */
public final class Scenario {

    public final String suffix = UUID.randomUUID().toString().substring(0, 8);
    public final UUID smolvlm = UUID.randomUUID();
    public final UUID codeLlama = UUID.randomUUID();
    public final UUID matchup = UUID.randomUUID();
    /** One panel for every scenario of the test JVM: the roster is shared by all tools, as in production. */
    public final List<UUID> reviewers = PANEL;
    private static final List<UUID> PANEL = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID());
    public final List<UUID> smolvlmVerdicts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID());
    public final List<UUID> codeLlamaVerdicts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID());
    private static final List<Lens> LENSES = List.of(Lens.BUILDER, Lens.SKEPTIC, Lens.FUTURIST, Lens.BUYER);
    private static final List<String> NAMES = List.of("Ada Builder", "Sam Skeptic", "Fay Futurist", "Grace Buyer");
    private final Instant t0 = Instant.parse("2026-11-23T09:00:00Z");

    public String smolvlmSlug() {
        return "smolvlm-3b-" + suffix;
    }

    public String codeLlamaSlug() {
        return "code-llama-4-" + suffix;
    }

    public String matchupSlug() {
        return "smolvlm-3b-vs-code-llama-4-" + suffix;
    }

    /** SmolVLM has an editor-supplied logo and Code Llama has none, so the golden answers hold both cases. */
    public static final String SMOLVLM_LOGO = "https://cdn.example.com/logos/smolvlm-3b.svg";

    public ToolEvent smolvlm(long version, ToolStatus status) {
        return new ToolEvent(smolvlm, version, smolvlmSlug(), "SmolVLM-3B", "Hugging Face", "Developer Tools",
                "3B vision-language model small enough for one GPU", "Reads images and documents on one GPU.",
                "Apache-2.0", status, t0.plusSeconds(version), free(), null, null, SMOLVLM_LOGO);
    }

    public ToolEvent codeLlama(long version, ToolStatus status) {
        return new ToolEvent(codeLlama, version, codeLlamaSlug(), "Code Llama 4", "Meta", "Developer Tools",
                "Open-weight coding family, 7B to 200B", "A family of coding models.", "Llama Community License",
                status, t0.plusSeconds(version), free(), null, null);
    }

    public ReviewerEvent reviewer(int index, long version, String name) {
        return new ReviewerEvent(reviewers.get(index), version, name, LENSES.get(index), "bio", null, true,
                t0.plusSeconds(100 + version));
    }

    public VerdictEvent verdict(UUID verdictId, UUID toolId, String slug, int reviewer, long version,
            ShipOrSkip call, VerdictStatus status) {
        return new VerdictEvent(verdictId, version, toolId, slug, reviewers.get(reviewer), NAMES.get(reviewer),
                LENSES.get(reviewer), status == VerdictStatus.WITHDRAWN ? null : call,
                status == VerdictStatus.WITHDRAWN ? null : NAMES.get(reviewer) + " on " + slug + " v" + version,
                null, status, (int) version, t0.plusSeconds(200 + version));
    }

    /** The buyer's verdict on SmolVLM-3B withdrawn (version 3 of that verdict). */
    public VerdictEvent smolvlmBuyerWithdrawn() {
        return verdict(smolvlmVerdicts.get(3), smolvlm, smolvlmSlug(), 3, 3, null, VerdictStatus.WITHDRAWN);
    }

    public VoteTallyEvent codeLlamaTally(long version, long ship, long skip) {
        return new VoteTallyEvent(codeLlama, version, codeLlamaSlug(), ship, skip, 0, t0.plusSeconds(300 + version));
    }

    public MatchupEvent matchup(long version, MatchupStatus status) {
        return new MatchupEvent(matchup, version, matchupSlug(), smolvlm, smolvlmSlug(), codeLlama, codeLlamaSlug(),
                "SmolVLM-3B vs Code Llama 4", status, t0.plusSeconds(400), t0.plusSeconds(400 + version));
    }

    /** Every event of the scenario, in the order the sources produced them. */
    public List<Object> events() {
        List<Object> events = new ArrayList<>();
        events.add(smolvlm(1, ToolStatus.DRAFT));
        events.add(smolvlm(2, ToolStatus.PUBLISHED));
        events.add(codeLlama(1, ToolStatus.DRAFT));
        events.add(codeLlama(2, ToolStatus.PUBLISHED));
        for (int r = 0; r < 4; r++) {
            events.add(reviewer(r, 1, NAMES.get(r) + " (old name)"));
            events.add(reviewer(r, 2, NAMES.get(r)));
        }
        for (int r = 0; r < 4; r++) {
            ShipOrSkip smolvlmCall = r == 3 ? ShipOrSkip.SKIP : ShipOrSkip.SHIP;
            events.add(verdict(smolvlmVerdicts.get(r), smolvlm, smolvlmSlug(), r, 1, ShipOrSkip.SKIP,
                    VerdictStatus.SUBMITTED));
            events.add(verdict(smolvlmVerdicts.get(r), smolvlm, smolvlmSlug(), r, 2, smolvlmCall,
                    VerdictStatus.SUBMITTED));
            events.add(verdict(codeLlamaVerdicts.get(r), codeLlama, codeLlamaSlug(), r, 1, ShipOrSkip.SHIP,
                    VerdictStatus.SUBMITTED));
        }
        for (int v = 1; v <= 10; v++) {
            events.add(codeLlamaTally(v, Math.min(v, 8), Math.max(0, v - 8)));
        }
        events.add(matchup(1, MatchupStatus.DRAFT));
        events.add(matchup(2, MatchupStatus.PUBLISHED));
        return events;
    }

    private static ToolPricing free() {
        return new ToolPricing(PricingModel.FREE, null, null, null, "Free");
    }
}
