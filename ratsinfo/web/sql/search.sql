-- Ranked full-text hits (BM25, German stemmer) with the filters of the search page and one page of results.
-- $q is the query with folded variants added (Ausschuesse -> Ausschüsse); every filter is optional.
-- Texts and display columns are read for the rows of the page only. $newest: the newest matches first (by
-- year, then score), as a feed of the search lists them.
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
    SELECT c.key, c.score, s.paper_key, s.year FROM scored c JOIN search_doc s ON s.key = c.key
    WHERE $year IS NULL OR s.year = $year
),
filtered AS (
    SELECT c.* FROM candidates c
    WHERE ($paper_type IS NULL AND $author IS NULL AND $council IS NULL AND $organization IS NULL)
       OR (($paper_type IS NULL OR EXISTS (SELECT 1 FROM paper p WHERE p.key = c.paper_key
                                           AND p.paper_type = $paper_type))
           AND ($author IS NULL OR EXISTS (SELECT 1 FROM paper p WHERE p.key = c.paper_key
                                           AND p.originator ILIKE '%' || $author || '%'))
           AND ($council IS NULL
                OR EXISTS (SELECT 1 FROM paper p LEFT JOIN document d ON d.key = p.document_key
                           WHERE p.key = c.paper_key AND coalesce(p.body_key, d.source_key) = $council)
                OR EXISTS (SELECT 1 FROM agenda_item i JOIN meeting m ON m.key = i.meeting_key
                           JOIN organization o ON o.key = m.organization_key
                           WHERE i.key = c.key AND o.body_key = $council)
                OR EXISTS (SELECT 1 FROM file f JOIN document d ON d.key = f.document_key
                           WHERE f.key = c.key AND d.source_key = $council))
           AND ($organization IS NULL
                OR EXISTS (SELECT 1 FROM agenda_item i JOIN meeting m ON m.key = i.meeting_key
                           WHERE i.key = c.key AND m.organization_key = $organization)
                OR EXISTS (SELECT 1 FROM consultation k JOIN organization o ON o.key = $organization
                           WHERE k.paper_key = c.paper_key AND NOT k.deleted
                             AND (k.organization_key = o.key OR k.organization_name = o.name))))
),
page AS (
    SELECT key, score, paper_key, CASE WHEN $newest THEN year END AS newest, count(*) OVER () AS total
    FROM filtered
    ORDER BY newest DESC NULLS LAST, score DESC, key
    LIMIT $limit OFFSET $offset
)
SELECT g.key, s.type, s.reference, s.title, s.text, s.year, g.paper_key, i.meeting_key, p.paper_type, p.originator,
       g.score, g.total
FROM page g
JOIN search_doc s ON s.key = g.key
LEFT JOIN paper p ON p.key = g.paper_key
LEFT JOIN agenda_item i ON i.key = g.key
ORDER BY g.newest DESC NULLS LAST, g.score DESC, g.key
