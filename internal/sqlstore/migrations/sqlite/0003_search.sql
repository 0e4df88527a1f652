-- proximite:reindex
-- Search reads narrow rows: a record's JSON moves to a table of its own, so
-- that the candidates of a search (up to proximite.MaxMatches of them) are
-- read from rows of a few hundred bytes instead of two kilobytes.
CREATE TABLE record_data (
    id   INTEGER PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
    data TEXT NOT NULL
);
INSERT INTO record_data (id, data) SELECT id, data FROM records;
ALTER TABLE records DROP COLUMN data;
-- names holds the record's title in every language, folded, one per line:
-- what relevance is judged on, without decoding JSON or folding text for
-- each candidate of each search.
ALTER TABLE records ADD COLUMN names TEXT NOT NULL DEFAULT '';

-- The text index also holds each record's state, type and facet values as
-- tokens that start with "_" (which user queries, cut into letters and
-- digits, can never produce), so that a search with filters is one
-- intersection of posting lists inside the index. A prefix index of four
-- letters serves the word being typed. The application rebuilds the
-- entries after this migration (the marker on the first line).
DROP TABLE records_fts;
CREATE VIRTUAL TABLE records_fts USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '_'",
    prefix = '2 3 4'
);
