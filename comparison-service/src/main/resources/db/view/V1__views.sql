-- One generation of the read model. Every row holds the latest version of one entity of a source topic; an event
-- lands only if its version is newer, so the tables are a function of the set of events seen, whatever their order.
-- Archived tools and withdrawn verdicts stay as rows (tombstones) so that a late older event cannot bring them back.
create table tool (
    tool_id     uuid        primary key,
    slug        text        not null,
    name        text        not null,
    vendor      text        not null,
    category    text        not null,
    tagline     text        not null,
    description text,
    license     text,
    status      text        not null,
    pricing     jsonb,
    facts       jsonb,
    links       jsonb,
    version     bigint      not null,
    changed_at  timestamptz not null
);
create index tool_slug on tool (slug);

create table reviewer (
    reviewer_id  uuid        primary key,
    display_name text        not null,
    lens         text        not null,
    active       boolean     not null,
    version      bigint      not null,
    changed_at   timestamptz not null
);

create table verdict (
    verdict_id     uuid        primary key,
    tool_id        uuid        not null,
    reviewer_id    uuid        not null,
    reviewer_name  text,
    lens           text,
    verdict        text,
    take           text,
    model_version  text,
    status         text        not null,
    revision_count integer     not null,
    version        bigint      not null,
    changed_at     timestamptz not null
);
create index verdict_tool on verdict (tool_id);
create index verdict_reviewer on verdict (reviewer_id);

create table community_tally (
    tool_id    uuid        primary key,
    ship       bigint      not null,
    skip       bigint      not null,
    flagged    bigint      not null,
    version    bigint      not null,
    changed_at timestamptz not null
);

create table matchup (
    matchup_id   uuid        primary key,
    slug         text        not null,
    tool_a_id    uuid        not null,
    tool_b_id    uuid        not null,
    headline     text,
    status       text        not null,
    published_at timestamptz,
    version      bigint      not null,
    changed_at   timestamptz not null
);
create index matchup_slug on matchup (slug);
create index matchup_tool_a on matchup (tool_a_id);
create index matchup_tool_b on matchup (tool_b_id);
