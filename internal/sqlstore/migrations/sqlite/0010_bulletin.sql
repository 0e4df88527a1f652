-- The bulletin: its subscribers, its issues, and the queue that sends an
-- issue to each subscriber once. None of it is a record of the registry:
-- subscribers are people, not public facts, and an issue is sent, not
-- published through the workflow.

-- A subscriber is pending until they follow the link of their
-- confirmation message (double opt-in), then confirmed, and unsubscribed
-- when they leave; the row stays, so that an import cannot subscribe
-- again someone who left. confirm_hash is the SHA-256 of the single-use
-- confirmation token; it is kept after use so that a replayed link is
-- recognised and refused as such.
CREATE TABLE bulletin_subscribers (
    id              INTEGER PRIMARY KEY,
    email           TEXT    NOT NULL UNIQUE,  -- lower-cased
    lang            TEXT    NOT NULL,
    state           TEXT    NOT NULL,         -- pending, confirmed, unsubscribed
    source          TEXT    NOT NULL,         -- form, import
    confirm_hash    TEXT    NOT NULL DEFAULT '',
    confirm_sent_at INTEGER NOT NULL DEFAULT 0,
    consent_at      INTEGER NOT NULL DEFAULT 0,  -- Unix microseconds
    confirmed_at    INTEGER NOT NULL DEFAULT 0,
    unsubscribed_at INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL
);
CREATE INDEX bulletin_subscribers_confirm ON bulletin_subscribers (confirm_hash);
CREATE INDEX bulletin_subscribers_state ON bulletin_subscribers (state, lang);

-- The key of the HMAC that signs unsubscribe links. It lives in the
-- database so that every instance signs and checks alike, and it is
-- made by the first instance that needs it.
CREATE TABLE bulletin_key (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    key TEXT    NOT NULL
);

-- An issue, numbered from 1. subject and body are JSON {"fr": …, "en": …}.
-- since is the moment its proposals start from (the previous issue's
-- sending); queued_at is when it was sent to the queue, 0 for a draft.
CREATE TABLE bulletin_issues (
    id         INTEGER PRIMARY KEY,
    number     INTEGER NOT NULL UNIQUE,
    subject    TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    since      INTEGER NOT NULL,
    queued_at  INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- One row per issue and recipient, unique, so that queueing twice cannot
-- send twice. state is pending until the SMTP server accepted the message
-- (sent), refused it for good (failed), or the subscriber left before
-- their turn (skipped).
CREATE TABLE bulletin_queue (
    id            INTEGER PRIMARY KEY,
    issue_id      INTEGER NOT NULL REFERENCES bulletin_issues (id),
    subscriber_id INTEGER NOT NULL REFERENCES bulletin_subscribers (id),
    state         TEXT    NOT NULL DEFAULT 'pending',
    attempts      INTEGER NOT NULL DEFAULT 0,
    error         TEXT    NOT NULL DEFAULT '',
    sent_at       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (issue_id, subscriber_id)
);
CREATE INDEX bulletin_queue_pending ON bulletin_queue (id) WHERE state = 'pending';
