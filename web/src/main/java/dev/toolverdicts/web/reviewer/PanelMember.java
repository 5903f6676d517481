package dev.toolverdicts.web.reviewer;

import dev.toolverdicts.web.api.Reviewer;

/** A panel reviewer with the slug of their public page. */
public record PanelMember(String slug, Reviewer reviewer) {

    public String path() {
        return "/reviewers/" + slug;
    }

    public boolean hasDisclosure() {
        return reviewer.hasDisclosure();
    }
}
