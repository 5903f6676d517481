-- People who sign in. The id is the stable "sub" of their tokens; the email is stored lower-cased.
create table app_user (
    id                uuid         primary key,
    email             varchar(254) not null unique,
    display_name      varchar(80)  not null,
    password_hash     varchar(200) not null,
    email_verified_at timestamptz,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now()
);

create table user_role (
    user_id uuid        not null references app_user (id) on delete cascade,
    role    varchar(20) not null check (role in ('EDITOR', 'REVIEWER', 'MEMBER', 'ADMIN')),
    primary key (user_id, role)
);
