-- A project's JSON is compressed when PostgreSQL stores it out of line
-- (most IATI activities pass the 2 KB at which it does), by pglz unless
-- told otherwise: a twentieth of the server's work in an import. LZ4 is
-- several times as fast for as much saved on JSON. It applies to rows
-- written from now on; a server built without LZ4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE record_data ALTER COLUMN data SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    NULL;
END
$$;
