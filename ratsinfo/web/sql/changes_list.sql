-- The newest changes since a moment, one row per inserted, updated (per field) or deleted record.
SELECT r.id AS run, r.started_at AS at, c.table_name AS "table", c.change, c.key, c.field, c.old_value, c.new_value
FROM change c JOIN run r ON r.id = c.run_id
WHERE r.started_at >= $since
ORDER BY r.id DESC, c.table_name, c.key, c.field
LIMIT $limit
