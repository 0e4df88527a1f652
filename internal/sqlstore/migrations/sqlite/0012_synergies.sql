-- proximite:reindex
-- Organisations are found by their town: each gets a key with its country
-- and folded locality in search_terms ("@locality", "CA/gatineau"), which
-- the synergies read through the index on (facet, value). The keys are
-- derived by the application, hence the rebuilding after this migration.
SELECT 1;
