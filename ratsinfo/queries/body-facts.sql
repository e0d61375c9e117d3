-- name: body-facts
-- answers: what documents state about a body (session counts, dated meetings, founding, members, chairs, terms), each with the sentence it was read from and its source
-- param: organization ORGANIZATION: a name, alias, abbreviation or inflected form
-- param: kind VARCHAR optional: session_count, meeting, rule, working_group, topic
-- param: council VARCHAR optional: the council (town, district) whose bodies are meant, e.g. Musterstadt
SELECT o.name AS organization,
       c.council,
       f.kind,
       f.qualifier,
       f.value,
       f.number,
       f.year,
       f.date,
       f.text AS sentence,
       coalesce(s.source, f.document) AS source,
       substr(d.text, 1, 1500) AS document_head,
       substr(d.text, greatest(f.start - 600, 0) + 1, 1400) AS context,
       greatest(f.start - 600, 0) AS context_start,
       f.start,
       f."end"
FROM fact f
JOIN organization o ON o.key = f.subject_key
JOIN organization_council c ON c.key = o.key
LEFT JOIN doc_source s ON s.document_key = f.document_key
LEFT JOIN document d ON d.key = f.document_key
WHERE NOT f.deleted AND list_contains($organization, f.subject_key)
  AND ($kind IS NULL OR f.kind = $kind)
  AND ($council IS NULL OR council_matches(c.council, $council))
ORDER BY o.name, c.council, source, f.start
