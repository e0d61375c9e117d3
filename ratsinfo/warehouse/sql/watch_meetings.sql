-- The meetings events concern, with the name of their body. Parameters: $keys.
SELECT m.key, m.name, m.start, m.cancelled, m.source_url, m.organization_key, o.name AS body,
       o.aliases, o.abbreviation
FROM meeting m LEFT JOIN organization o ON o.key = m.organization_key
WHERE list_contains($keys, m.key)
ORDER BY m.key
