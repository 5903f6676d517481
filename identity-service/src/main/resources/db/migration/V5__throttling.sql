-- Sign-in and registration throttling, shared by every instance.
-- Token buckets, one row per limit and subject (an address or a mailbox): taken from and refilled in one statement.
create table throttle_bucket (
    bucket_key varchar(320)     primary key,
    tokens     double precision not null,
    granted    boolean          not null,
    updated_at timestamptz      not null
);
create index throttle_bucket_updated_idx on throttle_bucket (updated_at);

-- Sign-in attempts per submitted account name (known or not, so the answer reveals nothing): every attempt counts
-- as a failure until it succeeds, which deletes the row; repeated failures space attempts out, then lock.
create table login_attempt (
    account_key     varchar(254) primary key,
    failures        integer      not null,
    granted         boolean      not null,
    last_attempt_at timestamptz  not null,
    next_allowed_at timestamptz  not null,
    locked_until    timestamptz
);
create index login_attempt_last_idx on login_attempt (last_attempt_at);
