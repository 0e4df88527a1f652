-- The files of the library's publications, kept apart from the records:
-- a record's row stays small, and neither a search nor a page reads a
-- file's bytes. text is what was read from the file, added to the
-- publication's entry in the text index (never to its JSON); what the
-- file is (name, size, checksum) is in the record's JSON.
CREATE TABLE publication_files (
    record_id INTEGER PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
    data      BLOB    NOT NULL,
    text      TEXT    NOT NULL DEFAULT ''
);
