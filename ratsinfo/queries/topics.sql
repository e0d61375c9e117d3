-- name: topics
-- answers: the themes of an organization over the years (topic lists, meeting titles, agenda items)
-- param: organization ORGANIZATION: a name, alias, abbreviation or inflected form
-- param: council VARCHAR optional: the council (town, district) whose bodies are meant, e.g. Musterstadt
-- param: from INTEGER optional: first year
-- param: to INTEGER optional: last year
WITH themes AS (
    SELECT t.organization_key AS okey, t.year, t.topic AS theme, s.source
    FROM topic t JOIN doc_source s ON s.document_key = t.document_key
    WHERE NOT t.deleted AND list_contains($organization, t.organization_key)
    UNION ALL
    SELECT f.subject_key, year(f.date), f.value, s.source
    FROM fact f JOIN doc_source s ON s.document_key = f.document_key
    WHERE NOT f.deleted AND f.kind = 'meeting' AND f.value IS NOT NULL
      AND list_contains($organization, f.subject_key)
    UNION ALL
    SELECT m.organization_key, year(m.start), i.name, coalesce(s.source, i.source_url)
    FROM agenda_item i JOIN meeting m ON m.key = i.meeting_key
    LEFT JOIN doc_source s ON s.document_key = i.document_key
    WHERE NOT i.deleted AND list_contains($organization, m.organization_key)
)
SELECT o.name AS organization, c.council, t.year, list(DISTINCT t.theme) AS themes,
       count(DISTINCT t.theme) AS n, list_sort(list_distinct(list(t.source))) AS sources
FROM themes t JOIN organization o ON o.key = t.okey
JOIN organization_council c ON c.key = o.key
WHERE list_contains($organization, t.okey)
  AND ($council IS NULL OR council_matches(c.council, $council))
  AND ($from IS NULL OR t.year >= $from) AND ($to IS NULL OR t.year <= $to)
GROUP BY o.key, o.name, c.council, t.year
ORDER BY o.name, c.council, t.year NULLS LAST
