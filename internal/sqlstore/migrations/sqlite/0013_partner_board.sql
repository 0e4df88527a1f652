-- The partner board, the partner-selection checklist with its
-- assessments, and the reference layer of known twinnings. None of them
-- are records of the registry: posts expire, the checklist is the
-- network's tool, assessments judge a candidate among members, and the
-- twinnings are what others wrote down. Each is JSON beside the columns
-- that lists and lookups need.
CREATE TABLE partner_posts (
    id         INTEGER PRIMARY KEY,
    org        TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    expires    TEXT    NOT NULL,  -- YYYY-MM-DD, compared as text
    closed     INTEGER NOT NULL DEFAULT 0,
    data       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,  -- Unix microseconds
    updated_at INTEGER NOT NULL
);
CREATE INDEX partner_posts_open ON partner_posts (closed, expires);
CREATE INDEX partner_posts_org ON partner_posts (org);

CREATE TABLE checklist_criteria (
    id       INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    retired  INTEGER NOT NULL DEFAULT 0,
    data     TEXT    NOT NULL
);

CREATE TABLE assessments (
    id          INTEGER PRIMARY KEY,
    partnership TEXT    NOT NULL,
    candidate   TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    at          INTEGER NOT NULL
);
CREATE INDEX assessments_partnership ON assessments (partnership, at);

-- The six criteria by which the committee Benkadi chose the villages of
-- Sanankoroba's projects, in the seed's words, as the default checklist.
INSERT INTO checklist_criteria (id, position, retired, data) VALUES
 (1, 1, 0, '{"text":{"fr":"La cohésion sociale au sein du village","en":"Social cohesion within the village"},"position":1}'),
 (2, 2, 0, '{"text":{"fr":"La volonté d''alphabétiser","en":"The will to teach reading and writing (literacy)"},"position":2}'),
 (3, 3, 0, '{"text":{"fr":"La connaissance des projets menés à Sanankoroba","en":"Knowledge of the projects carried out in Sanankoroba"},"position":3}'),
 (4, 4, 0, '{"text":{"fr":"L''existence d''instances de prise de décisions","en":"Existing decision-making bodies"},"position":4}'),
 (5, 5, 0, '{"text":{"fr":"Une population de plus de 500 habitants","en":"A population of more than 500 inhabitants"},"position":5}'),
 (6, 6, 0, '{"text":{"fr":"L''accord de la collectivité avec l''esprit des projets","en":"The community''s agreement with the spirit of the projects"},"position":6}');

-- Known twinnings (twin_cities.csv, Wikipedia contributors, CC BY-SA);
-- fold1 and fold2 are the cities' names as Slugify folds them.
CREATE TABLE twin_cities (
    id       INTEGER PRIMARY KEY,
    city1    TEXT NOT NULL,
    country1 TEXT NOT NULL,
    fold1    TEXT NOT NULL,
    lat1     REAL NOT NULL,
    lng1     REAL NOT NULL,
    city2    TEXT NOT NULL,
    country2 TEXT NOT NULL,
    fold2    TEXT NOT NULL,
    lat2     REAL NOT NULL,
    lng2     REAL NOT NULL
);
CREATE INDEX twin_cities_1 ON twin_cities (country1, fold1);
CREATE INDEX twin_cities_2 ON twin_cities (country2, fold2);
