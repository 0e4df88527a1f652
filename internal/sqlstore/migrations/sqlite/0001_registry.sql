-- Every record of the registry lives in one table: its whole content as
-- JSON in data, and beside it the few columns that search, sort and
-- integrity need. One table keeps reads to one row and lets search, links
-- and facets work the same way for every type.
CREATE TABLE records (
    id          INTEGER PRIMARY KEY,
    type        TEXT    NOT NULL,
    slug        TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    title       TEXT    NOT NULL,             -- JSON {"fr": …, "en": …}
    sort_title  TEXT    NOT NULL,             -- folded title for sorting
    year        INTEGER NOT NULL DEFAULT 0,
    facets      TEXT    NOT NULL DEFAULT '',  -- "facet=value" lines, tallied for facet counts
    data        TEXT    NOT NULL,             -- the whole record as JSON
    created_at  INTEGER NOT NULL,             -- Unix microseconds
    updated_at  INTEGER NOT NULL,
    UNIQUE (type, slug)
);
CREATE INDEX records_state_updated ON records (state, updated_at);
CREATE INDEX records_type_state_updated ON records (type, state, updated_at);
CREATE INDEX records_type_state_title ON records (type, state, sort_title);
CREATE INDEX records_type_state_year ON records (type, state, year);

-- links holds every reference from one record to another (a party of a
-- partnership, a participant of a project, a visit's partnership). The
-- foreign key on to_id refuses the deletion of a record still referred to.
CREATE TABLE links (
    from_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    rel     TEXT    NOT NULL,
    to_id   INTEGER NOT NULL REFERENCES records (id),
    PRIMARY KEY (from_id, rel, to_id)
) WITHOUT ROWID;
CREATE INDEX links_to ON links (to_id, rel, from_id);

-- search_terms holds the facet values of each record, for filtering.
CREATE TABLE search_terms (
    record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    facet     TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    PRIMARY KEY (record_id, facet, value)
) WITHOUT ROWID;
CREATE INDEX search_terms_value ON search_terms (facet, value, record_id);

-- facet_counts keeps the facet counts of published records per type, up
-- to date on every write, so that browsing without a query or filter
-- answers at once however large the registry.
CREATE TABLE facet_counts (
    type  TEXT    NOT NULL,
    facet TEXT    NOT NULL,
    value TEXT    NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (type, facet, value)
) WITHOUT ROWID;

-- The text index. Text is folded (lower case, no accents) by the
-- application before it gets here, so both databases match alike; the
-- tokenizer's own diacritics removal is a second guard.
CREATE VIRTUAL TABLE records_fts USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
