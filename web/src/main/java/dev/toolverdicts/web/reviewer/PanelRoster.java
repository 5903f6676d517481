package dev.toolverdicts.web.reviewer;

import dev.toolverdicts.web.api.Reviewer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The panel with a public slug for each reviewer. review-service keys reviewers by UUID only, so the slug comes from
 * the display name; the earliest-created reviewer keeps the plain name and a later namesake gets the first eight
 * characters of their id appended, so a slug never moves from one reviewer to another.
 */
public record PanelRoster(List<PanelMember> members) {

    public static final PanelRoster EMPTY = new PanelRoster(List.of());

    public PanelRoster {
        members = List.copyOf(members);
    }

    public static PanelRoster of(List<Reviewer> reviewers) {
        List<Reviewer> ordered = new ArrayList<>(reviewers);
        ordered.sort(Comparator.comparing((Reviewer r) -> r.createdAt() == null ? Instant.MAX : r.createdAt())
                .thenComparing(Reviewer::id));
        Set<String> taken = new HashSet<>();
        List<PanelMember> members = new ArrayList<>();
        for (Reviewer reviewer : ordered) {
            String base = Slugs.of(reviewer.displayName());
            String idPart = reviewer.id().replace("-", "").substring(0, Math.min(8, reviewer.id().length()));
            String slug = base.isEmpty() ? "reviewer-" + idPart : base;
            if (!taken.add(slug)) {
                slug = slug + "-" + idPart;
                taken.add(slug);
            }
            members.add(new PanelMember(slug, reviewer));
        }
        return new PanelRoster(members);
    }

    public Optional<PanelMember> bySlug(String slug) {
        return members.stream().filter(m -> m.slug().equals(slug)).findFirst();
    }

    /** The member with this reviewer id, or null (templates test for null). */
    public PanelMember byId(String id) {
        return members.stream().filter(m -> m.reviewer().id().equals(id)).findFirst().orElse(null);
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }
}
