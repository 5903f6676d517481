package dev.toolverdicts.web.page;

import java.util.Map;
import org.springframework.stereotype.Component;

/** The reviewer lenses in words, so a scorecard row says what angle each verdict comes from. */
@Component("lenses")
public class Lenses {

    private static final Map<String, String> NAMES = Map.of(
            "BUILDER", "Builder",
            "SKEPTIC", "Skeptic",
            "FUTURIST", "Futurist",
            "BUYER", "Buyer");
    private static final Map<String, String> FOCUS = Map.of(
            "BUILDER", "developer experience",
            "SKEPTIC", "competition and failure modes",
            "FUTURIST", "thesis and timing",
            "BUYER", "business and moat");

    public String name(String lens) {
        return lens == null ? "" : NAMES.getOrDefault(lens, lens);
    }

    public String focus(String lens) {
        return lens == null ? "" : FOCUS.getOrDefault(lens, "");
    }
}
