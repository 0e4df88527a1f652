-- Events of the network (the Rencontres, forums, workshops), kept apart
-- from the records: they are announced, then become history, and are
-- listed by date rather than searched. data is the event as JSON; the
-- start and end instants are columns too, so that the calendar's
-- "upcoming" and "past" are plain indexed comparisons.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    slug       TEXT    NOT NULL UNIQUE,
    state      TEXT    NOT NULL,
    data       TEXT    NOT NULL,
    start_utc  INTEGER NOT NULL,  -- Unix microseconds
    end_utc    INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX events_end ON events (state, end_utc);
