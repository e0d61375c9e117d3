-- Ranked full-text hits (BM25, German stemmer) with optional type, organization and year filters.
-- Scores are computed on keys alone; texts are read only for the rows that scored.
WITH scored AS (
    SELECT key, score FROM (
        SELECT key, fts_main_search_doc.match_bm25(key, $q) AS score FROM search_doc
        WHERE $type IS NULL OR type = $type
    ) WHERE score IS NOT NULL
)
SELECT s.type, s.reference, s.title, s.text, s.year, s.source, c.score
FROM scored c JOIN search_doc s ON s.key = c.key
WHERE ($year IS NULL OR s.year = $year OR s.text LIKE '%' || CAST($year AS VARCHAR) || '%')
  AND ($org_names IS NULL OR len(list_filter($org_names, n -> s.text ILIKE '%' || n || '%'
                                                         OR s.title ILIKE '%' || n || '%')) > 0)
ORDER BY c.score DESC, s.key
LIMIT $limit
