-- See migrations/sqlite/0007_party_roles.sql.
UPDATE record_data d SET data = jsonb_set(d.data::jsonb, '{parties}', (
    SELECT jsonb_agg(CASE WHEN jsonb_typeof(p.v -> 'role') = 'string'
                          THEN jsonb_set(p.v, '{role}', jsonb_build_object('fr', p.v ->> 'role'))
                          ELSE p.v END ORDER BY p.i)
    FROM jsonb_array_elements(d.data::jsonb -> 'parties') WITH ORDINALITY AS p(v, i)))::text
FROM records r
WHERE r.id = d.id AND r.type = 'partnership'
  AND jsonb_typeof(d.data::jsonb -> 'parties') = 'array'
  AND jsonb_array_length(d.data::jsonb -> 'parties') > 0;
