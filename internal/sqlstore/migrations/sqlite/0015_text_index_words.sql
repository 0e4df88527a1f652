-- proximite:reindex
-- The text index keeps, for each word, the records that hold it, but not
-- where in them (detail=none): searches match words and prefixes, never
-- phrases, and rank on the records' names, so the positions were never
-- read, and writing them was half of the index's cost on every import.
-- The application now cuts the text into words itself, with the same
-- rule as the words of a query (letters and digits), and the ascii
-- tokenizer only splits it at the spaces between them: a word of a query
-- is always one token of the index. The entries are rebuilt after this
-- migration (the marker on the first line).
DROP TABLE records_fts;
CREATE VIRTUAL TABLE records_fts USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    tokenize = "ascii tokenchars '_'",
    prefix = '2 3 4',
    detail = none
);
-- FTS5 writes the entries it holds in memory as a new segment of the
-- index whenever they pass hashsize (1 MB by default), and merges the
-- segments as they pile up: a batch of an import made dozens of them.
INSERT INTO records_fts (records_fts, rank) VALUES ('hashsize', 16777216);
