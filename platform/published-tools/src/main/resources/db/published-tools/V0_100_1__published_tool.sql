-- The tools this service has seen on catalog.tool.v1, applied by catalog version (platform/published-tools).
-- Versions 0.100.x belong to this library: below every service's own (V1...), apart from the outbox's (0.1, 0.2...).
-- Runs out of order on databases whose own migrations are already applied: see PublishedToolsFlywayLocations.
CREATE TABLE IF NOT EXISTS published_tool (
    tool_id         uuid        PRIMARY KEY,
    slug            varchar(64) NOT NULL,
    status          varchar(16) NOT NULL,
    catalog_version bigint      NOT NULL,
    changed_at      timestamptz NOT NULL,
    applied_at      timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS published_tool_slug ON published_tool (slug);
