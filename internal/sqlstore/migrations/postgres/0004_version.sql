-- registry_version counts the transactions that changed the registry's
-- records. Caches of rendered pages compare it with the version they were
-- made at, on every instance, so that no page outlives a change.
CREATE TABLE registry_version (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    n   BIGINT  NOT NULL
);
INSERT INTO registry_version (one, n) VALUES (1, 1);
