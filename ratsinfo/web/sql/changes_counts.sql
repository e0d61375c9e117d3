-- What the runs since a moment changed, counted per table and kind of change (the start page's summary).
SELECT c.table_name, c.change, count(DISTINCT c.key) AS n
FROM change c JOIN run r ON r.id = c.run_id
WHERE r.started_at >= $since
GROUP BY c.table_name, c.change
ORDER BY c.table_name, c.change
