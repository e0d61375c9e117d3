-- Ranked full-text hits (BM25, German stemmer) with optional type, organization and year filters.
SELECT s.type, s.reference, s.title, s.text, s.year, s.source, score
FROM (
    SELECT *, fts_main_search_doc.match_bm25(key, $q) AS score FROM search_doc
) s
WHERE score IS NOT NULL
  AND ($type IS NULL OR s.type = $type)
  AND ($year IS NULL OR s.year = $year OR s.text LIKE '%' || CAST($year AS VARCHAR) || '%')
  AND ($org_names IS NULL OR len(list_filter($org_names, n -> s.text ILIKE '%' || n || '%'
                                                         OR s.title ILIKE '%' || n || '%')) > 0)
ORDER BY score DESC, s.key
LIMIT $limit
