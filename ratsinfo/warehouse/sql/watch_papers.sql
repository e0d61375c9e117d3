-- The papers events concern, with what search filters look at. Parameters: $keys.
SELECT p.key, p.reference, p.name, p.paper_type, p.source_url, coalesce(b.name, p.body_key) AS council,
       p.body_key, p.originator, p.under_direction_of,
       list_distinct(list(co.organization_name) FILTER (WHERE co.organization_name IS NOT NULL
                                                      AND NOT co.deleted)) AS bodies
FROM paper p LEFT JOIN body b ON b.key = p.body_key LEFT JOIN consultation co ON co.paper_key = p.key
WHERE list_contains($keys, p.key)
GROUP BY ALL
ORDER BY p.key
