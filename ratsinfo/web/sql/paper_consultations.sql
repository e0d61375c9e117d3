-- The Beratungsfolge of a paper: body, meeting, date, role and result, in the order the source gives.
SELECT coalesce(o.name, c.organization_name) AS organization, c.organization_key, c.meeting_key,
       coalesce(m.name, c.meeting_name) AS meeting, coalesce(c.date, CAST(m.start AS DATE)) AS date, c.role,
       c.status, c.result
FROM consultation c
LEFT JOIN organization o ON o.key = c.organization_key
LEFT JOIN meeting m ON m.key = c.meeting_key
WHERE c.paper_key = $key AND NOT c.deleted
ORDER BY c.position NULLS LAST, date NULLS LAST, c.key
