-- See migrations/sqlite/0006_sign_in_throttle.sql; only the types differ.
CREATE TABLE sign_in_failures (
    key_hash TEXT   NOT NULL,
    at       BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures (key_hash, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);
