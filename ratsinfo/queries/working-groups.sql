-- name: working-groups
-- answers: the working groups, their parent body and their focus topics
-- param: year INTEGER optional: only focus topics of this year (or of no stated year)
-- param: organization ORGANIZATION optional: only working groups under this body
SELECT o.name AS working_group,
       p.name AS parent,
       list(t.topic ORDER BY t.start) FILTER (WHERE t.topic IS NOT NULL) AS focus_topics,
       max(t.year) AS year,
       list_sort(list_distinct(list(s.source) FILTER (WHERE s.source IS NOT NULL))) AS sources
FROM organization o
LEFT JOIN organization p ON p.key = o.parent_key
LEFT JOIN topic t ON t.organization_key = o.key AND NOT t.deleted
    AND ($year IS NULL OR t.year = $year OR t.year IS NULL)
LEFT JOIN doc_source s ON s.document_key = coalesce(t.document_key, o.document_key)
WHERE NOT o.deleted AND o.kind = 'working_group'
  AND ($organization IS NULL OR list_contains($organization, o.parent_key))
GROUP BY o.key, o.name, p.name
ORDER BY p.name NULLS LAST, o.name
