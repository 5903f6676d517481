package dev.toolverdicts.events.catalog;

/** Where to learn more about a tool: its homepage and its weights or model card; both optional. */
public record ToolLinks(String homepage, String modelCard) {
}
