-- See migrations/sqlite/0009_publication_files.sql; only the types differ.
CREATE TABLE publication_files (
    record_id BIGINT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
    data      BYTEA  NOT NULL,
    text      TEXT   NOT NULL DEFAULT ''
);
