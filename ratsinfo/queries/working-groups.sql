-- name: working-groups
-- answers: the working groups, their parent body and their focus topics
-- param: year INTEGER optional: only focus topics of this year (or of no stated year)
-- param: organization ORGANIZATION optional: only working groups under this body
-- param: council VARCHAR optional: the council (town, district) whose bodies are meant, e.g. Musterstadt
WITH topics AS (     -- one row per topic and body, however many documents name it
    SELECT t.organization_key, t.topic, max(t.year) AS year, min(t.start) AS pos,
           list(DISTINCT s.source) AS src
    FROM topic t LEFT JOIN doc_source s ON s.document_key = t.document_key
    WHERE NOT t.deleted AND ($year IS NULL OR t.year = $year OR t.year IS NULL)
    GROUP BY t.organization_key, t.topic
)
SELECT o.name AS working_group,
       p.name AS parent,
       c.council,
       list(t.topic ORDER BY t.pos, t.topic) FILTER (WHERE t.topic IS NOT NULL) AS focus_topics,
       max(t.year) AS year,
       list_sort(list_distinct(flatten(list(coalesce(t.src, []))) || [s.source])) AS sources
FROM organization o
LEFT JOIN organization p ON p.key = o.parent_key
LEFT JOIN topics t ON t.organization_key = o.key
LEFT JOIN doc_source s ON s.document_key = o.document_key
JOIN organization_council c ON c.key = o.key
WHERE NOT o.deleted AND o.kind = 'working_group'
  AND ($organization IS NULL OR list_contains($organization, o.parent_key))
  AND ($council IS NULL OR council_matches(c.council, $council))
GROUP BY o.key, o.name, p.name, c.council, s.source
ORDER BY p.name NULLS LAST, o.name, c.council
