-- Ranked full-text hits (BM25, German stemmer), one page of results, optionally of one year.
-- The search without filters but the year (the common case): no filter joins at all.
-- Texts and display columns are read for the rows of the page only.
WITH tokens AS (
    SELECT DISTINCT stem(unnest(fts_main_search_doc.tokenize($q)), 'german') AS t
),
qterms AS (
    SELECT d.termid, d.df FROM fts_main_search_doc.dict d JOIN tokens ON d.term = tokens.t
),
tf AS (
    SELECT t.docid, t.termid, count(*) AS tf FROM fts_main_search_doc.terms t
    WHERE t.termid IN (SELECT termid FROM qterms)
    GROUP BY ALL
),
scored AS (           -- BM25 as the extension's match_bm25 computes it (k = 1.2, b = 0.75), for the matching
    SELECT docs.name AS key,  -- documents only: match_bm25 called per row would score every document
           sum(log((st.num_docs - q.df + 0.5) / (q.df + 0.5) + 1)
               * (tf.tf * (1.2 + 1)) / (tf.tf + 1.2 * (1 - 0.75 + 0.75 * docs.len / st.avgdl))) AS score
    FROM tf JOIN qterms q ON q.termid = tf.termid
    JOIN fts_main_search_doc.docs docs ON docs.docid = tf.docid
    CROSS JOIN fts_main_search_doc.stats st
    GROUP BY docs.name
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
