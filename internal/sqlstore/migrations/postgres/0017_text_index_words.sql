-- proximite:reindex
-- The text index entry of a record becomes the words the application
-- cuts, as SQLite's has been since 0015, instead of what PostgreSQL's
-- parser makes of the text: both databases then find the same records
-- for every query (the parser kept "2.5" or an address as one word,
-- which a query, cut into letters and digits, never asks for). The
-- entries are rebuilt after this migration (the marker on the first
-- line).
SELECT 1;
