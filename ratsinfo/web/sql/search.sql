-- Ranked full-text hits (BM25, German stemmer) with the filters of the search page and one page of results.
-- $q is the query with folded variants added (Ausschuesse -> Ausschüsse); every filter is optional.
WITH scored AS (
    SELECT key, score FROM (
        SELECT key, fts_main_search_doc.match_bm25(key, $q) AS score FROM search_doc
    ) WHERE score IS NOT NULL
),
hits AS (
    SELECT s.key, s.type, s.reference, s.title, s.text, s.year, s.paper_key, c.score, p.paper_type, p.originator,
           i.meeting_key, coalesce(p.body_key, d.source_key) AS council,
           coalesce(p.document_key, i.document_key, f.document_key) AS document_key
    FROM scored c
    JOIN search_doc s ON s.key = c.key
    LEFT JOIN paper p ON p.key = s.paper_key
    LEFT JOIN agenda_item i ON i.key = s.key
    LEFT JOIN file f ON f.key = s.key
    LEFT JOIN document d ON d.key = coalesce(p.document_key, i.document_key, f.document_key)
)
SELECT h.key, h.type, h.reference, h.title, h.text, h.year, h.paper_key, h.meeting_key, h.paper_type, h.originator,
       h.score, count(*) OVER () AS total
FROM hits h
LEFT JOIN meeting m ON m.key = h.meeting_key
WHERE ($year IS NULL OR h.year = $year)
  AND ($paper_type IS NULL OR h.paper_type = $paper_type)
  AND ($author IS NULL OR h.originator ILIKE '%' || $author || '%')
  AND ($council IS NULL OR h.council = $council
       OR m.organization_key IN (SELECT o.key FROM organization o WHERE o.body_key = $council))
  AND ($organization IS NULL OR m.organization_key = $organization
       OR h.paper_key IN (SELECT c.paper_key FROM consultation c JOIN organization o ON o.key = $organization
                          WHERE NOT c.deleted AND (c.organization_key = o.key OR c.organization_name = o.name)))
ORDER BY h.score DESC, h.key
LIMIT $limit OFFSET $offset
