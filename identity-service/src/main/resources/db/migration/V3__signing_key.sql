-- The RSA key that signs tokens, shared by every instance and kept across restarts.
-- One row per purpose; the first instance to start inserts it, the others read it.
create table signing_key (
    kid         varchar(100) primary key,
    purpose     varchar(40)  not null unique,
    algorithm   varchar(10)  not null,
    public_key  text         not null,
    private_key text         not null,
    created_at  timestamptz  not null default now()
);
