package dev.toolverdicts.events.catalog;

/** Lifecycle of a catalog tool: only PUBLISHED tools are shown, reviewed and voted on. */
public enum ToolStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED
}
