-- Bodies (Gremien) with their kind and the number of meetings on record, for the start page and filters.
SELECT o.key, o.name, o.kind, count(m.key) AS meetings
FROM organization o LEFT JOIN meeting m ON m.organization_key = o.key AND NOT m.deleted
WHERE NOT o.deleted
GROUP BY o.key, o.name, o.kind
ORDER BY o.name, o.key
