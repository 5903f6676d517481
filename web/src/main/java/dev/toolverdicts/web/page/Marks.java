package dev.toolverdicts.web.page;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Each tool's mark: the editor-supplied logo when the catalog has one, else a monogram from its name on one of eight
 * colours picked by its slug, so a tool looks the same on every page. The gateway's CSP allows {@code https:}
 * images, so a logo on the vendor's own host loads.
 */
@Component("marks")
public class Marks {

    static final int HUES = 8;

    /** "Code Llama 4" → "CL", "SmolVLM-3B" → "S3", "Tabwise" → "TA". */
    public String initials(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] words = Arrays.stream(name.strip().split("[\\s\\-_./]+")).filter(w -> !w.isEmpty())
                .toArray(String[]::new);
        String initials = words.length == 1
                ? words[0].substring(0, Math.min(2, words[0].length()))
                : Arrays.stream(words).limit(2).map(w -> w.substring(0, 1)).collect(Collectors.joining());
        return initials.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The logo to show, or null for the monogram: only an absolute https URL is used (the catalog accepts nothing
     * else; anything else here, such as a {@code javascript:} or plain http URL, would not load under the CSP).
     */
    public String logo(String logoUrl) {
        return logoUrl != null && logoUrl.startsWith("https://") && logoUrl.length() > "https://".length()
                && logoUrl.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))
                ? logoUrl : null;
    }

    /** The CSS class of the mark's colour, stable for a slug. */
    public String hue(String slug) {
        return "mark-" + Math.floorMod(slug == null ? 0 : slug.hashCode(), HUES);
    }
}
