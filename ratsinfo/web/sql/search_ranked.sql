-- Ranked full-text hits (BM25 as search.sql computes it), one page, optionally of one year, read from
-- the tables built with the index (search_posting, search_hit: see warehouse/sql/search_rows_rebuild.sql)
-- instead of the index's own: the same rows in the same order, without scanning every term and every text.
-- The texts of the page's hits come from search_texts.sql.
WITH tokens AS (
    SELECT DISTINCT stem(unnest(fts_main_search_doc.tokenize($q)), 'german') AS t
),
qterms AS (
    SELECT d.termid, d.df FROM fts_main_search_doc.dict d JOIN tokens ON d.term = tokens.t
),
scored AS (
    SELECT any_value(h.key) AS key, any_value(h.type) AS type, any_value(h.reference) AS reference,
           any_value(h.title) AS title, any_value(h.year) AS year, any_value(h.paper_key) AS paper_key,
           any_value(h.meeting_key) AS meeting_key, any_value(h.paper_type) AS paper_type,
           any_value(h.originator) AS originator,
           sum(log((st.num_docs - q.df + 0.5) / (q.df + 0.5) + 1)
               * (t.tf * (1.2 + 1)) / (t.tf + 1.2 * (1 - 0.75 + 0.75 * h.len / st.avgdl))) AS score
    FROM search_posting t
    JOIN qterms q ON q.termid = t.termid
    JOIN search_hit h ON h.docid = t.docid
    CROSS JOIN fts_main_search_doc.stats st
    WHERE $year IS NULL OR h.year = $year
    GROUP BY h.docid
),
page AS (
    SELECT *, count(*) OVER () AS total FROM scored
    ORDER BY score DESC, key
    LIMIT $limit OFFSET $offset
)
SELECT key, type, reference, title, year, paper_key, meeting_key, paper_type, originator, score, total
FROM page ORDER BY score DESC, key
