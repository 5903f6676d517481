-- Panel reviewers, linked one to one to an identity user (the JWT sub).
create table reviewer (
    id           uuid primary key,
    user_id      varchar(100) not null unique,
    display_name varchar(80)  not null,
    lens         varchar(16)  not null check (lens in ('BUILDER', 'SKEPTIC', 'FUTURIST', 'BUYER')),
    bio          varchar(600) not null,
    disclosure   varchar(600) not null,
    active       boolean      not null,
    version      bigint       not null check (version > 0),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);

-- The tools this service has seen on catalog.tool.v1, applied by catalog version.
create table known_tool (
    tool_id         uuid primary key,
    slug            varchar(64) not null,
    status          varchar(16) not null,
    catalog_version bigint      not null,
    changed_at      timestamptz not null,
    applied_at      timestamptz not null
);

create index known_tool_slug on known_tool (slug);

-- One current verdict per reviewer per tool; a withdrawn one keeps its row (and history) with no call or take.
create table verdict (
    id             uuid primary key,
    tool_id        uuid        not null references known_tool (tool_id),
    reviewer_id    uuid        not null references reviewer (id),
    verdict        varchar(4)  check (verdict in ('SHIP', 'SKIP')),
    take           text        check (char_length(take) <= 4000),
    model_version  varchar(60),
    status         varchar(16) not null check (status in ('SUBMITTED', 'WITHDRAWN')),
    revision_count integer     not null check (revision_count > 0),
    version        bigint      not null check (version > 0),
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    unique (reviewer_id, tool_id),
    check ((status = 'SUBMITTED') = (verdict is not null and take is not null))
);

create index verdict_tool on verdict (tool_id);

-- Every change of a verdict by its reviewer, numbered from 1 (the first submission): nothing is ever overwritten.
create table verdict_revision (
    verdict_id        uuid        not null references verdict (id),
    number            integer     not null check (number > 0),
    kind              varchar(16) not null check (kind in ('SUBMITTED', 'REVISED', 'WITHDRAWN', 'RESUBMITTED')),
    old_verdict       varchar(4),
    new_verdict       varchar(4),
    old_take          text,
    new_take          text,
    old_model_version varchar(60),
    new_model_version varchar(60),
    changed_at        timestamptz not null,
    primary key (verdict_id, number)
);
