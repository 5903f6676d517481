package dev.toolverdicts.web.api;

import java.util.List;

/**
 * A tool's verdict view from comparison-service: catalog facts, the editor's logo URL (null when none), Entry,
 * license, both shares and the panel's takes.
 */
public record ToolView(
        String toolId,
        String slug,
        String name,
        String vendor,
        String category,
        String tagline,
        String description,
        String license,
        String entry,
        Links links,
        String logoUrl,
        Share panel,
        Share community,
        List<ReviewerVerdict> reviewers) {

    public ToolView {
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
    }

    /** Where to learn more: homepage and model card, both optional. */
    public record Links(String homepage, String modelCard) {

        /** The homepage if it is a web address; anything else (a {@code javascript:} URL) is never linked. */
        public String safeHomepage() {
            return web(homepage);
        }

        public String safeModelCard() {
            return web(modelCard);
        }

        private static String web(String url) {
            return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
        }
    }
}
