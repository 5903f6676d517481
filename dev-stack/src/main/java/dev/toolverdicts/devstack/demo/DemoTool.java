package dev.toolverdicts.devstack.demo;

/** One tool of the demo catalog, exactly the body of {@code POST /api/catalog/tools}. */
public record DemoTool(String slug, String name, String vendor, String category, String tagline,
                       String description, String license) {

    public DemoTool {
        if (slug == null || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("demo tool slug must be lowercase letters, digits and hyphens: " + slug);
        }
    }
}
