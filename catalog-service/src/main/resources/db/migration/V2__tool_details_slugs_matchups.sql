-- Pricing, facts and links of a tool; pricing_model stays nullable only for rows written before it existed.
alter table tool
    add column pricing_model       varchar(16) check (pricing_model in ('FREE', 'FREEMIUM', 'PAID', 'USAGE_BASED', 'CONTACT')),
    add column price_amount        numeric check (price_amount >= 0),
    add column price_currency      char(3),
    add column price_unit          varchar(40),
    add column parameters_billions numeric[],
    add column modalities          text[],
    add column context_window      integer check (context_window > 0),
    add column open_weights        boolean,
    add column release_date        date,
    add column model_version       varchar(60),
    add column homepage            varchar(300),
    add column model_card          varchar(300),
    add column search tsvector generated always as (
        setweight(to_tsvector('english', name), 'A')
            || setweight(to_tsvector('english', vendor), 'B')
            || setweight(to_tsvector('english', tagline), 'B')
            || setweight(to_tsvector('english', coalesce(description, '')), 'C')) stored;

create index tool_search on tool using gin (search);
create index tool_published_name on tool (lower(name)) where status = 'PUBLISHED';

-- Every slug a tool has ever had, current and former, so an old slug keeps answering (with a redirect)
-- and can never be given to another tool.
create table tool_slug (
    slug    varchar(64) primary key,
    tool_id uuid        not null references tool (id)
);

insert into tool_slug (slug, tool_id) select slug, id from tool;

-- Editorial matchups "A vs B" of two distinct tools; one matchup per pair, whichever side comes first.
create table matchup (
    id           uuid primary key,
    slug         varchar(140) not null unique,
    tool_a_id    uuid         not null references tool (id),
    tool_b_id    uuid         not null references tool (id),
    headline     varchar(160) not null,
    status       varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    published_at timestamptz,
    version      bigint       not null check (version > 0),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    check (tool_a_id <> tool_b_id)
);

create unique index matchup_pair on matchup (least(tool_a_id, tool_b_id), greatest(tool_a_id, tool_b_id));
create index matchup_latest on matchup (published_at desc, id) where status = 'PUBLISHED';
