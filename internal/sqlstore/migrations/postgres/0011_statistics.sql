-- proximite:reindex
-- See migrations/sqlite/0011_statistics.sql.
CREATE TABLE record_amounts (
    record_id BIGINT  NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    measure   TEXT    NOT NULL,
    year      INTEGER NOT NULL,
    currency  TEXT    NOT NULL,
    value     BIGINT  NOT NULL,
    PRIMARY KEY (record_id, measure, year, currency)
);

CREATE TABLE amount_totals (
    type     TEXT    NOT NULL,
    measure  TEXT    NOT NULL,
    year     INTEGER NOT NULL,
    currency TEXT    NOT NULL,
    value    BIGINT  NOT NULL,
    PRIMARY KEY (type, measure, year, currency)
);

CREATE TABLE exchange_rates (
    year        INTEGER          NOT NULL,
    currency    TEXT             NOT NULL,
    rate_to_cad DOUBLE PRECISION NOT NULL CHECK (rate_to_cad > 0),
    PRIMARY KEY (year, currency)
);

CREATE TABLE stats_cube (
    type   TEXT   NOT NULL,
    filter TEXT   NOT NULL,
    shown  TEXT   NOT NULL,
    n      BIGINT NOT NULL,
    PRIMARY KEY (type, filter, shown)
);

CREATE TABLE stats_cube_amounts (
    type     TEXT    NOT NULL,
    filter   TEXT    NOT NULL,
    measure  TEXT    NOT NULL,
    year     INTEGER NOT NULL,
    currency TEXT    NOT NULL,
    value    BIGINT  NOT NULL,
    PRIMARY KEY (type, filter, measure, year, currency)
);
