-- Ranked full-text hits (BM25, German stemmer), one page of results, optionally of one year.
-- The search without filters but the year (the common case): no filter joins at all.
-- Texts and display columns are read for the rows of the page only.
WITH scored AS (
    SELECT key, score FROM (
        SELECT key, fts_main_search_doc.match_bm25(key, $q) AS score FROM search_doc
    ) WHERE score IS NOT NULL
),
candidates AS (
    SELECT c.key, c.score, s.paper_key FROM scored c JOIN search_doc s ON s.key = c.key
    WHERE $year IS NULL OR s.year = $year
),
page AS (
    SELECT key, score, paper_key, count(*) OVER () AS total FROM candidates
    ORDER BY score DESC, key
    LIMIT $limit OFFSET $offset
)
SELECT g.key, s.type, s.reference, s.title, s.text, s.year, g.paper_key, i.meeting_key, p.paper_type, p.originator,
       g.score, g.total
FROM page g
JOIN search_doc s ON s.key = g.key
LEFT JOIN paper p ON p.key = g.paper_key
LEFT JOIN agenda_item i ON i.key = g.key
ORDER BY g.score DESC, g.key
