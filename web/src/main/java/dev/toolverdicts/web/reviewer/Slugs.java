package dev.toolverdicts.web.reviewer;

import java.text.Normalizer;
import java.util.Locale;

/** Turns a reviewer's display name into the address part readers see ("Maya Okafor" → "maya-okafor"). */
final class Slugs {

    private Slugs() {
    }

    static String of(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        return plain.length() > 60 ? plain.substring(0, 60).replaceAll("-+$", "") : plain;
    }
}
