-- A party's role in a partnership became text per language. A role
-- stored as one string is taken as French, the language the registry's
-- members write in first.
UPDATE record_data SET data = json_set(data, '$.parties', json((
    SELECT json_group_array(
        CASE WHEN json_type(p.value, '$.role') = 'text'
             THEN json_set(p.value, '$.role', json_object('fr', json_extract(p.value, '$.role')))
             ELSE json(p.value) END
        ORDER BY p.key)
    FROM json_each(record_data.data, '$.parties') AS p)))
WHERE json_type(data, '$.parties') = 'array'
  AND id IN (SELECT id FROM records WHERE type = 'partnership');
