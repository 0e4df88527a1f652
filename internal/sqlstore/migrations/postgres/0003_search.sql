-- proximite:reindex
-- See migrations/sqlite/0003_search.sql. On PostgreSQL the state, type and
-- facet tokens join the words in the tsvector, and the GIN index
-- intersects them.
CREATE TABLE record_data (
    id   BIGINT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
    data TEXT NOT NULL
);
INSERT INTO record_data (id, data) SELECT id, data FROM records;
ALTER TABLE records DROP COLUMN data;
-- names holds the record's title in every language, folded, one per line:
-- what relevance is judged on, without decoding JSON or folding text for
-- each candidate of each search.
ALTER TABLE records ADD COLUMN names TEXT NOT NULL DEFAULT '';
