-- The W3C traceparent current at append time, sent as the record's traceparent header so that consumers continue
-- the trace of the change. Nullable: rows appended without a trace (or before this column) carry none.
-- Runs out of order on databases whose own migrations (V1...) are already applied: see OutboxFlywayLocations.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent text;
