create table tool (
    id          uuid primary key,
    slug        varchar(64)  not null unique,
    name        varchar(100) not null,
    vendor      varchar(100) not null,
    category    varchar(60)  not null,
    tagline     varchar(140) not null,
    description text,
    license     varchar(100),
    status      varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    version     bigint       not null check (version > 0),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
