-- One meeting with its body.
SELECT m.key, m.name, m.number, m.start, m."end", m.location, m.public, m.cancelled, m.organization_key,
       o.name AS organization, m.source_url
FROM meeting m LEFT JOIN organization o ON o.key = m.organization_key
WHERE m.key = $key
