package dev.toolverdicts.web.page;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Each tool's mark: a monogram from its name on one of eight colours picked by its slug, so a tool looks the same on
 * every page. The catalog has no logo field, and the site's CSP allows images from this origin only, so an
 * editor-supplied logo would need both before it could replace the monogram.
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

    /** The CSS class of the mark's colour, stable for a slug. */
    public String hue(String slug) {
        return "mark-" + Math.floorMod(slug == null ? 0 : slug.hashCode(), HUES);
    }
}
