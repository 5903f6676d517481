package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.Modality;
import dev.toolverdicts.events.catalog.ToolFacts;
import dev.toolverdicts.events.catalog.ToolLinks;
import dev.toolverdicts.events.catalog.ToolPricing;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * What an editor controls of a tool, normalised (trimmed, blanks dropped, numbers without trailing zeros, the
 * entry price worked out), so that sending the same content twice compares equal and changes nothing.
 */
record ToolContent(
        String slug,
        String name,
        String vendor,
        String category,
        String tagline,
        String description,
        String license,
        ToolPricing pricing,
        ToolFacts facts,
        ToolLinks links,
        String logoUrl) {

    static ToolContent from(ToolRequest request) {
        PricingInput price = request.pricing();
        BigDecimal amount = price.amount() == null ? null : plain(price.amount());
        String unit = text(price.unit());
        ToolPricing pricing = new ToolPricing(price.model(), amount, price.currency(), unit,
                EntryPrice.of(price.model(), amount, price.currency(), unit));
        FactsInput facts = request.facts();
        ToolFacts toolFacts = facts == null ? new ToolFacts(null, null, null, null, null, null)
                : new ToolFacts(parameters(facts.parametersBillions()), modalities(facts.modalities()),
                        facts.contextWindow(), facts.openWeights(), ToolRules.releaseDate(facts), text(facts.modelVersion()));
        LinksInput links = request.links();
        ToolLinks toolLinks = links == null ? new ToolLinks(null, null)
                : new ToolLinks(text(links.homepage()), text(links.modelCard()));
        return new ToolContent(request.slug(), request.name().strip(), request.vendor().strip(),
                request.category().strip(), request.tagline().strip(), text(request.description()),
                text(request.license()), pricing, toolFacts, toolLinks, text(request.logoUrl()));
    }

    private static List<BigDecimal> parameters(List<BigDecimal> sizes) {
        return sizes == null || sizes.isEmpty() ? null
                : sizes.stream().map(ToolContent::plain).sorted(Comparator.naturalOrder()).toList();
    }

    private static List<Modality> modalities(List<Modality> modalities) {
        return modalities == null || modalities.isEmpty() ? null : List.copyOf(modalities);
    }

    static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String text(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
