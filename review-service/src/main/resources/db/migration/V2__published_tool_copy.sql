-- The copy of catalog.tool.v1 moves to platform/published-tools' table published_tool (created by its V0_100_1,
-- which sorts and runs before this). The rows are copied rather than left to a replay: verdicts reference them, and
-- verdicts must keep being accepted while the new consumer group replays the topic (its version guard then finds
-- every copied row current).
INSERT INTO published_tool (tool_id, slug, status, catalog_version, changed_at, applied_at)
SELECT tool_id, slug, status, catalog_version, changed_at, applied_at FROM known_tool
ON CONFLICT (tool_id) DO NOTHING;

ALTER TABLE verdict DROP CONSTRAINT verdict_tool_id_fkey;
ALTER TABLE verdict ADD CONSTRAINT verdict_tool_id_fkey FOREIGN KEY (tool_id) REFERENCES published_tool (tool_id);

DROP TABLE known_tool;
