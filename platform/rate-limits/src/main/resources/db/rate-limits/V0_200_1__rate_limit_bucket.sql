-- platform/rate-limits: token buckets shared by every instance of the service, one row per limit and subject
-- (e.g. "login-address:203.0.113.7"), taken from and refilled in one INSERT ... ON CONFLICT DO UPDATE.
-- taken: how many tokens that statement took (its answer, read back with RETURNING);
-- full_at: when the bucket will have refilled to full, after which the row can be deleted without changing anything.
create table rate_limit_bucket (
    bucket_key text             primary key,
    tokens     double precision not null,
    taken      bigint           not null,
    updated_at timestamptz      not null,
    full_at    timestamptz      not null
);
create index rate_limit_bucket_full_idx on rate_limit_bucket (full_at);
