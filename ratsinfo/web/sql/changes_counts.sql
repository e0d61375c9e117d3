-- What the runs since a moment changed, counted per table and kind of change (the start page's summary).
-- A source's first load is one 'first_load' row per table carrying its count: it counts as inserted.
SELECT c.table_name,
       CASE WHEN c.change = 'first_load' THEN 'inserted' ELSE c.change END AS change,
       count(DISTINCT c.key) FILTER (WHERE c.change <> 'first_load')
         + coalesce(sum(TRY_CAST(c.new_value AS BIGINT)) FILTER (WHERE c.change = 'first_load'), 0) AS n
FROM change c JOIN run r ON r.id = c.run_id
WHERE r.started_at >= $since
GROUP BY ALL
ORDER BY 1, 2
