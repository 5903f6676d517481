-- Subscribers with double opt-in: PENDING until the signed link is followed, then CONFIRMED; UNSUBSCRIBED keeps the
-- row so that a resubscription reuses it (one row per address, addresses stored lower-cased).
CREATE TABLE subscriber (
    id                   uuid        PRIMARY KEY,
    email                text        NOT NULL UNIQUE,
    status               text        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
    created_at           timestamptz NOT NULL,
    confirmation_sent_at timestamptz,
    confirmed_at         timestamptz,
    unsubscribed_at      timestamptz
);

CREATE INDEX subscriber_confirmed ON subscriber (id) WHERE status = 'CONFIRMED';

-- Local copies of what other services publish, applied by version (event-carried state).
CREATE TABLE feed_tool (
    tool_id            uuid        PRIMARY KEY,
    slug               text        NOT NULL,
    name               text        NOT NULL,
    vendor             text,
    category           text,
    tagline            text,
    status             text        NOT NULL,
    catalog_version    bigint      NOT NULL
);

CREATE TABLE feed_verdict (
    verdict_id         uuid        PRIMARY KEY,
    tool_id            uuid        NOT NULL,
    tool_slug          text        NOT NULL,
    reviewer_name      text        NOT NULL,
    lens               text        NOT NULL,
    verdict            text,
    status             text        NOT NULL,
    review_version     bigint      NOT NULL
);

CREATE TABLE feed_matchup (
    matchup_id         uuid        PRIMARY KEY,
    status             text        NOT NULL,
    catalog_version    bigint      NOT NULL
);

CREATE TABLE feed_tally (
    tool_id            uuid        PRIMARY KEY,
    slug               text        NOT NULL,
    ship               bigint      NOT NULL,
    skip               bigint      NOT NULL,
    tally_version      bigint      NOT NULL
);

-- The community tally of a tool at the start and the end of each week it changed in, for "big swings".
CREATE TABLE tally_week (
    tool_id            uuid        NOT NULL,
    week_start         date        NOT NULL,
    slug               text        NOT NULL,
    open_ship          bigint      NOT NULL,
    open_skip          bigint      NOT NULL,
    close_ship         bigint      NOT NULL,
    close_skip         bigint      NOT NULL,
    close_version      bigint      NOT NULL,
    PRIMARY KEY (tool_id, week_start)
);

-- What happened, as digest items: one row per change, deduplicated by a key derived from the event's version.
CREATE TABLE feed_change (
    id                 bigserial   PRIMARY KEY,
    dedupe_key         text        NOT NULL UNIQUE,
    kind               text        NOT NULL,
    occurred_at        timestamptz NOT NULL,
    tool_id            uuid,
    tool_slug          text,
    other_tool_id      uuid,
    other_tool_slug    text,
    headline           text,
    reviewer_name      text,
    lens               text,
    from_verdict       text,
    to_verdict         text,
    take               text
);

CREATE INDEX feed_change_occurred_at ON feed_change (occurred_at);

-- At most one issue per ISO week (the primary key); its content is fixed when it is opened.
CREATE TABLE issue (
    iso_week           text        PRIMARY KEY,
    status             text        NOT NULL CHECK (status IN ('SENDING', 'SENT', 'QUIET')),
    version            bigint      NOT NULL,
    subject            text        NOT NULL,
    period_start       timestamptz NOT NULL,
    period_end         timestamptz NOT NULL,
    items              text        NOT NULL,
    html_body          text        NOT NULL,
    text_body          text        NOT NULL,
    recipients         integer     NOT NULL,
    created_at         timestamptz NOT NULL,
    finished_at        timestamptz
);

-- One row per recipient of an issue: PENDING -> CLAIMED (in a batch) -> SENDING (just before SMTP) -> SENT, or
-- FAILED / SKIPPED / IN_DOUBT (SENDING when its run died: maybe sent, never retried: at most once).
CREATE TABLE delivery (
    issue_week         text        NOT NULL REFERENCES issue (iso_week),
    subscriber_id      uuid        NOT NULL,
    email              text        NOT NULL,
    state              text        NOT NULL CHECK (state IN ('PENDING', 'CLAIMED', 'SENDING', 'SENT', 'FAILED',
                                                             'SKIPPED', 'IN_DOUBT')),
    run_id             uuid,
    claimed_at         timestamptz,
    sent_at            timestamptz,
    attempts           integer     NOT NULL DEFAULT 0,
    last_error         text,
    PRIMARY KEY (issue_week, subscriber_id)
);

CREATE INDEX delivery_open ON delivery (issue_week, state) WHERE state IN ('PENDING', 'CLAIMED', 'SENDING');

-- ShedLock's lock table: the weekly job runs on one instance at a time.
CREATE TABLE shedlock (
    name       varchar(64)  PRIMARY KEY,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL
);
