-- The files of the library's publications, kept apart from the records:
-- a record's row stays small, and neither a search nor a page reads a
-- file's bytes. This table is the truth about a publication's file; the
-- store copies its description (name, size, checksum…) into the record's
-- JSON on every write. text is what was read from the file, added to the
-- publication's entry in the text index, never to its JSON.
CREATE TABLE publication_files (
    record_id    INTEGER PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT    NOT NULL,
    pages        INTEGER NOT NULL DEFAULT 0,
    uploaded_at  INTEGER NOT NULL,  -- Unix microseconds
    data         BLOB    NOT NULL,
    text         TEXT    NOT NULL DEFAULT ''
);
