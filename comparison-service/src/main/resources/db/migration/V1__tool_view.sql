-- The per-tool part of the verdict views. Rows of archived tools stay as tombstones so that an older event
-- arriving late can never bring an archived tool back.
create table tool_view (
    tool_id          uuid primary key,
    slug             varchar(64)  not null,
    name             varchar(100) not null,
    vendor           varchar(100) not null,
    category         varchar(60)  not null,
    tagline          varchar(140) not null,
    description      text,
    license          varchar(100),
    status           varchar(16)  not null,
    catalog_version  bigint       not null,
    changed_at       timestamptz  not null,
    applied_at       timestamptz  not null
);

create index tool_view_slug on tool_view (slug);
