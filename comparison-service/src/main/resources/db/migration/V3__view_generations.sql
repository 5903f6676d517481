-- The read model now lives in generations: one PostgreSQL schema per generation (view_<id>), migrated from
-- classpath:db/view. One generation is ACTIVE (serving); a rebuild fills a BUILDING one, then swaps them.
create table view_generation (
    id          integer     primary key,
    schema_name varchar(63) not null unique,
    state       varchar(16) not null,
    started_at  timestamptz not null,
    finished_at timestamptz
);

create unique index view_generation_one_active on view_generation (state) where state = 'ACTIVE';
create unique index view_generation_one_building on view_generation (state) where state = 'BUILDING';

-- the first tables of the walking skeleton, replaced by the generation schemas; nothing here was authoritative
drop table tool_view;
drop table community_tally;
