-- proximite:reindex
-- The statistics add up money, in-kind days and travellers, which live in
-- the records' JSON. Reading a million records' JSON for one dashboard
-- would take seconds, so every write also keeps, per record, its amounts
-- summed per measure, year and currency (record_amounts), and the totals
-- of published records (amount_totals), as facet_counts does for counts.
-- Values are in hundredths, integers, so that totals taken off and added
-- back on every change never drift. The application fills both tables
-- after this migration (the marker on the first line), and gives each
-- organisation its territory keys (@region, @place) at the same time.
CREATE TABLE record_amounts (
    record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    measure   TEXT    NOT NULL,
    year      INTEGER NOT NULL,
    currency  TEXT    NOT NULL,
    value     INTEGER NOT NULL,
    PRIMARY KEY (record_id, measure, year, currency)
) WITHOUT ROWID;

CREATE TABLE amount_totals (
    type     TEXT    NOT NULL,
    measure  TEXT    NOT NULL,
    year     INTEGER NOT NULL,
    currency TEXT    NOT NULL,
    value    INTEGER NOT NULL,
    PRIMARY KEY (type, measure, year, currency)
) WITHOUT ROWID;

-- exchange_rates is the yearly rate table the coordinator loads: how many
-- Canadian dollars one unit of a currency was worth in a year. Amounts
-- without a rate stay unconverted; no rate is ever guessed.
CREATE TABLE exchange_rates (
    year        INTEGER NOT NULL,
    currency    TEXT    NOT NULL,
    rate_to_cad REAL    NOT NULL CHECK (rate_to_cad > 0),
    PRIMARY KEY (year, currency)
) WITHOUT ROWID;

-- The statistics' cube (see cube.go): per type, the published records
-- that carry both a value the dashboard filters on and a value it shows
-- ("country=ML", "sector=140"), and their amounts per filter value, so
-- that a dashboard filtered on one value reads a few hundred rows.
CREATE TABLE stats_cube (
    type   TEXT    NOT NULL,
    filter TEXT    NOT NULL,
    shown  TEXT    NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (type, filter, shown)
) WITHOUT ROWID;

CREATE TABLE stats_cube_amounts (
    type     TEXT    NOT NULL,
    filter   TEXT    NOT NULL,
    measure  TEXT    NOT NULL,
    year     INTEGER NOT NULL,
    currency TEXT    NOT NULL,
    value    INTEGER NOT NULL,
    PRIMARY KEY (type, filter, measure, year, currency)
) WITHOUT ROWID;
