-- Bodies (Gremien) with their kind, their council (OParl body, else the source they were read from) and
-- the number of meetings on record, for the start page and the filters.
SELECT o.key, o.name, o.kind, coalesce(o.body_key, d.source_key) AS council, count(m.key) AS meetings
FROM organization o
LEFT JOIN document d ON d.key = o.document_key
LEFT JOIN meeting m ON m.organization_key = o.key AND NOT m.deleted
WHERE NOT o.deleted
GROUP BY o.key, o.name, o.kind, o.body_key, d.source_key
ORDER BY o.name, o.key
