-- proximite:reindex
-- Organisations are found by their town and their own country: each gets
-- keys in search_terms with its country and folded locality ("@locality",
-- "CA/gatineau") and its country alone ("@org_country"), which the
-- synergies read through the index on (facet, value). The keys are
-- derived by the application, hence the rebuilding after this migration.
SELECT 1;
