-- imports records each file brought into the registry (IATI XML, CSV):
-- what it was, what came of it, and when. finished_at stays NULL while an
-- import runs, and after a crash, so an interrupted import shows as such
-- until the same file is imported again.
CREATE TABLE imports (
    id             INTEGER PRIMARY KEY,
    format         TEXT    NOT NULL,            -- "iati", "csv"
    file           TEXT    NOT NULL,
    checksum       TEXT    NOT NULL DEFAULT '', -- SHA-256 of the file, hex
    all_or_nothing INTEGER NOT NULL DEFAULT 0,
    read_n         INTEGER NOT NULL DEFAULT 0,  -- records read from the file
    created_n      INTEGER NOT NULL DEFAULT 0,
    updated_n      INTEGER NOT NULL DEFAULT 0,
    unchanged_n    INTEGER NOT NULL DEFAULT 0,
    rejected_n     INTEGER NOT NULL DEFAULT 0,
    orgs_created_n INTEGER NOT NULL DEFAULT 0,  -- organisations created for participants
    error          TEXT    NOT NULL DEFAULT '', -- why the file stopped, or was not written
    started_at     INTEGER NOT NULL,            -- Unix microseconds
    finished_at    INTEGER
);
CREATE INDEX imports_started ON imports (started_at);

-- import_messages lists, per import, each rejected record with its line,
-- identifier and reason, and the warnings about what was changed or left
-- out of the records that were kept.
CREATE TABLE import_messages (
    import_id  INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    level      TEXT    NOT NULL,                -- "rejected" or "warning"
    line       INTEGER NOT NULL DEFAULT 0,
    identifier TEXT    NOT NULL DEFAULT '',
    message    TEXT    NOT NULL,
    PRIMARY KEY (import_id, seq)
) WITHOUT ROWID;
