-- The SQLite text index changes its layout in this migration; PostgreSQL's
-- (a tsvector column with a GIN index) stays as it is.
SELECT 1;
