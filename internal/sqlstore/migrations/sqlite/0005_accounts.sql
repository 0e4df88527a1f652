-- Accounts of the members' workspace. Every secret (session, one-time
-- link, access token) is a random token given once to its holder and kept
-- here only as its SHA-256, so a copy of the database signs no one in.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,      -- lower case
    name          TEXT    NOT NULL,
    lang          TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL DEFAULT '',  -- PHC argon2id, empty until the invitation is followed
    created_at    INTEGER NOT NULL,             -- Unix microseconds
    updated_at    INTEGER NOT NULL
);

-- memberships says which organisations an editor edits for. Deleting the
-- organisation or the account removes the membership.
CREATE TABLE memberships (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id  INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, org_id)
) WITHOUT ROWID;
CREATE INDEX memberships_org ON memberships (org_id);

CREATE TABLE sessions (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    seen_at    INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- one_time_links are the links sent by e-mail (invitation, password
-- reset); used_at is set by the one use, so a replay is recognised.
CREATE TABLE one_time_links (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX one_time_links_user ON one_time_links (user_id);

CREATE TABLE access_tokens (
    id         INTEGER PRIMARY KEY,
    token_hash TEXT    NOT NULL UNIQUE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX access_tokens_user ON access_tokens (user_id);

-- audit_log keeps every change to a record, written in the transaction of
-- the change. It has no foreign key to records: the history of a deleted
-- record outlives it. actor keeps the address, which outlives the account.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,  -- create, update, state, delete
    record_type TEXT    NOT NULL,
    record_id   INTEGER NOT NULL,
    slug        TEXT    NOT NULL,
    before      TEXT,              -- the record as JSON, NULL on create
    after       TEXT               -- NULL on delete
);
CREATE INDEX audit_log_record ON audit_log (record_id, id);
