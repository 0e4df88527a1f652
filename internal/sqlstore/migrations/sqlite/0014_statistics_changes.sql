-- The dashboard answers combined filters from an index of the published
-- partnerships, projects and visits kept in each instance's memory
-- (statsindex.go). record_changes tells every instance which of those
-- records a transaction wrote or deleted, under the registry version the
-- transaction set, so that an index catches up with the writes of all
-- instances by reading what changed since its own version. Old entries
-- are pruned; changes_from is the version from which the log is whole,
-- and an index older than it is rebuilt instead.
CREATE TABLE record_changes (
    version   INTEGER NOT NULL,
    record_id INTEGER NOT NULL,
    PRIMARY KEY (version, record_id)
) WITHOUT ROWID;

ALTER TABLE registry_version ADD COLUMN changes_from INTEGER NOT NULL DEFAULT 0;
UPDATE registry_version SET changes_from = n;
