-- PostgreSQL compresses projects' JSON with LZ4 from this migration on;
-- SQLite does not compress it.
SELECT 1;
