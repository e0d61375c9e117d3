-- What runs changed since a day: one row per inserted, updated (per field) or deleted record.
SELECT r.id AS run, strftime(r.started_at, '%Y-%m-%d %H:%M') AS at, c.table_name AS "table", c.change, c.key,
       c.field, c.old_value, c.new_value
FROM change c JOIN run r ON r.id = c.run_id
WHERE ($since IS NULL OR r.started_at >= $since)
  AND ($keys IS NULL OR list_contains($keys, c.key)
       OR c.key IN (SELECT m.key FROM meeting m WHERE list_contains($keys, m.organization_key))
       OR c.key IN (SELECT con.paper_key FROM consultation con WHERE list_contains($keys, con.organization_key))
       OR c.key IN (SELECT i.key FROM agenda_item i JOIN meeting m ON m.key = i.meeting_key
                    WHERE list_contains($keys, m.organization_key)))
ORDER BY r.id, c.table_name, c.key, c.field
