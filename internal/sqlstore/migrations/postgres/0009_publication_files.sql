-- See migrations/sqlite/0009_publication_files.sql; only the types differ.
CREATE TABLE publication_files (
    record_id    BIGINT  PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         BIGINT  NOT NULL,
    sha256       TEXT    NOT NULL,
    pages        INTEGER NOT NULL DEFAULT 0,
    uploaded_at  BIGINT  NOT NULL,
    data         BYTEA   NOT NULL,
    text         TEXT    NOT NULL DEFAULT ''
);
