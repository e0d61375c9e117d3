-- Ranked full-text hits without filters, read from the rows built with the index (search_posting: each
-- term's BM25 weight per text, as search.sql's match_bm25 computes it; see search_rows_rebuild.sql): the
-- same hits in the same order, without scoring every text. The texts of the hits: search_stored_texts.sql.
WITH tokens AS (
    SELECT DISTINCT stem(unnest(fts_main_search_doc.tokenize($q)), 'german') AS t
),
qterms AS (
    SELECT d.termid FROM fts_main_search_doc.dict d JOIN tokens ON d.term = tokens.t
),
scored AS (
    SELECT t.ord, sum(t.weight) AS score
    FROM search_posting t JOIN qterms q ON q.termid = t.termid
    GROUP BY t.ord
),
page AS (             -- ord: the rank of the text's key, so ties go by key without reading every key
    SELECT ord, score FROM scored ORDER BY score DESC, ord LIMIT $limit
)
SELECT h.key, p.score
FROM page p JOIN search_hit h ON h.ord = p.ord
ORDER BY p.score DESC, p.ord
