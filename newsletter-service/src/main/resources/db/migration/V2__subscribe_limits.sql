-- Sign-up limits shared by every instance: token buckets per client address and per target mailbox, taken from
-- and refilled in one INSERT ... ON CONFLICT DO UPDATE.
CREATE TABLE subscribe_bucket (
    bucket_key text             PRIMARY KEY,
    tokens     double precision NOT NULL,
    granted    boolean          NOT NULL,
    updated_at timestamptz      NOT NULL
);
CREATE INDEX subscribe_bucket_updated ON subscribe_bucket (updated_at);
