-- The copy of catalog.tool.v1 moves to platform/published-tools' table published_tool (created by its V0_100_1,
-- which sorts and runs before this). The rows are copied rather than left to a replay: tally, ballot and vote_flag
-- reference them, and votes must keep working while the new consumer group replays the topic (its version guard
-- then finds every copied row current).
INSERT INTO published_tool (tool_id, slug, status, catalog_version, changed_at, applied_at)
SELECT tool_id, slug, status, catalog_version, changed_at, changed_at FROM tool
ON CONFLICT (tool_id) DO NOTHING;

ALTER TABLE tally DROP CONSTRAINT tally_tool_id_fkey;
ALTER TABLE vote_flag DROP CONSTRAINT vote_flag_tool_id_fkey;
ALTER TABLE ballot DROP CONSTRAINT ballot_tool_id_fkey;

ALTER TABLE tally ADD CONSTRAINT tally_tool_id_fkey FOREIGN KEY (tool_id) REFERENCES published_tool (tool_id);
ALTER TABLE vote_flag ADD CONSTRAINT vote_flag_tool_id_fkey FOREIGN KEY (tool_id) REFERENCES published_tool (tool_id);
ALTER TABLE ballot ADD CONSTRAINT ballot_tool_id_fkey FOREIGN KEY (tool_id) REFERENCES published_tool (tool_id);

DROP TABLE tool;
