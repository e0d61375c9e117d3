-- Ranked full-text hits (BM25 as search.sql computes it), one page, optionally of one year, read from
-- the tables built with the index (search_posting, search_hit: see warehouse/sql/search_rows_rebuild.sql)
-- instead of the index's own: the same rows in the same order. A text's score is the sum of the stored
-- weights of the query's terms; only the page's hits are joined to their keys and what the result list shows.
-- The texts of the page's hits come from search_texts.sql (web) and search_stored_texts.sql (command line).
-- $newest: the newest matches first (by year, then score), as a feed of the search lists them.
WITH tokens AS (
    SELECT DISTINCT stem(unnest(fts_main_search_doc.tokenize($q)), 'german') AS t
),
qterms AS (
    SELECT d.termid FROM fts_main_search_doc.dict d JOIN tokens ON d.term = tokens.t
),
scored AS (
    SELECT t.ord, sum(t.weight) AS score, max(t.year) AS year
    FROM search_posting t JOIN qterms q ON q.termid = t.termid
    WHERE $year IS NULL OR t.year = $year
    GROUP BY t.ord
),
page AS (             -- ord: the rank of the text's key, so ties go by key without reading every key
    SELECT ord, score, CASE WHEN $newest THEN year END AS newest FROM scored
    ORDER BY newest DESC NULLS LAST, score DESC, ord LIMIT $limit OFFSET $offset
)
SELECT h.key, h.type, h.reference, h.title, h.year, h.paper_key, h.meeting_key, h.paper_type, h.originator,
       p.score, (SELECT count(*) FROM scored) AS total
FROM page p JOIN search_hit h ON h.ord = p.ord
ORDER BY p.newest DESC NULLS LAST, p.score DESC, p.ord
