-- The community part of the verdict views: the latest tally of each tool as vote-service published it.
create table community_tally (
    tool_id       uuid        primary key,
    slug          varchar(64) not null,
    ship          bigint      not null,
    skip          bigint      not null,
    flagged       bigint      not null,
    tally_version bigint      not null,
    changed_at    timestamptz not null,
    applied_at    timestamptz not null
);
