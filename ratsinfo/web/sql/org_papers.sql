-- Papers consulted in a body, newest consultation first (the body's feed).
SELECT DISTINCT p.key, p.reference, p.name, p.paper_type, coalesce(c.date, p.date) AS date, c.role, c.result,
       r.started_at AS seen
FROM consultation c
JOIN organization o ON o.key = $key
JOIN paper p ON p.key = c.paper_key AND NOT p.deleted
LEFT JOIN run r ON r.id = c.first_run
WHERE NOT c.deleted AND (c.organization_key = o.key OR c.organization_name = o.name)
ORDER BY date DESC NULLS LAST, p.key
LIMIT $limit
