-- sign_in_failures counts failed sign-ins (and password-reset requests)
-- per key, so that every instance of the server sees the same count and a
-- guesser cannot spread attempts across them. key_hash is the SHA-256 of
-- "email:ADDRESS", "ip:ADDRESS" or "reset:ADDRESS": the table tells a
-- reader of the database nothing about who tried. Rows older than a day
-- are pruned as new ones arrive.
CREATE TABLE sign_in_failures (
    key_hash TEXT    NOT NULL,
    at       INTEGER NOT NULL  -- Unix microseconds
);
CREATE INDEX sign_in_failures_key ON sign_in_failures (key_hash, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);
