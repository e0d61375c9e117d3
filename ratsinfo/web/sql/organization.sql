-- One body (Gremium) with its parent.
SELECT o.key, o.name, o.kind, o.aliases, o.abbreviation, o.parent_key, p.name AS parent, o.source_url
FROM organization o LEFT JOIN organization p ON p.key = o.parent_key
WHERE o.key = $key
