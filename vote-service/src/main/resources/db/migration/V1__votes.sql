-- Tools as vote-service knows them from catalog.tool.v1; only PUBLISHED ones take votes.
create table tool (
    tool_id         uuid         primary key,
    slug            varchar(64)  not null,
    status          varchar(16)  not null,
    catalog_version bigint       not null,
    changed_at      timestamptz  not null
);

create index tool_slug on tool (slug);

-- One row per tool: the exact counts, changed by delta in the same transaction as the ballot.
create table tally (
    tool_id  uuid   primary key references tool (tool_id),
    ship     bigint not null default 0 check (ship >= 0),
    skip     bigint not null default 0 check (skip >= 0),
    flagged  bigint not null default 0 check (flagged >= 0),
    version  bigint not null default 0 check (version >= 0)
);

-- Members as vote-service first saw them; the basis of "new account" when the token carries no creation time.
create table member (
    member_id          varchar(255) primary key,
    first_seen_at      timestamptz  not null,
    account_created_at timestamptz
);

-- Flags raised on votes for an admin; never deleted, only resolved.
create table vote_flag (
    flag_id     bigserial    primary key,
    tool_id     uuid         not null references tool (tool_id),
    member_id   varchar(255) not null references member (member_id),
    choice      varchar(4)   not null check (choice in ('SHIP', 'SKIP')),
    reason      text         not null,
    flagged_at  timestamptz  not null,
    resolution  varchar(8)   check (resolution in ('KEEP', 'REJECT')),
    resolved_by varchar(255),
    resolved_at timestamptz
);

create index vote_flag_open on vote_flag (flagged_at) where resolution is null;

-- The current vote of a member on a tool. A rejected ballot stays, but is not counted.
create table ballot (
    tool_id   uuid         not null references tool (tool_id),
    member_id varchar(255) not null references member (member_id),
    choice    varchar(4)   not null check (choice in ('SHIP', 'SKIP')),
    flag_id   bigint       references vote_flag (flag_id),
    flagged   boolean      not null default false,
    rejected  boolean      not null default false,
    cast_at   timestamptz  not null,
    updated_at timestamptz not null,
    primary key (tool_id, member_id)
);

create index ballot_recent on ballot (tool_id, updated_at);

-- Requests made with an Idempotency-Key: what was asked (fingerprint) and what was answered.
create table idempotent_request (
    member_id       varchar(255) not null,
    idempotency_key varchar(255) not null,
    fingerprint     varchar(64)  not null,
    response_status integer,
    response_body   text,
    created_at      timestamptz  not null,
    primary key (member_id, idempotency_key)
);

create index idempotent_request_created_at on idempotent_request (created_at);
