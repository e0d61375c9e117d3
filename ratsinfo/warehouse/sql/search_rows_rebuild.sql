-- What the search page reads instead of the full-text index's own tables, built after the index and before
-- a snapshot is published: per indexed text what ranking and the result list need, without its text (read
-- for the page's twenty hits only), and the postings of each term in one place (sorted by term, so a search
-- reads the blocks of its terms only) with each posting's BM25 weight already computed: a snapshot never
-- changes, so a search only adds up the weights of its terms. Called inside one transaction.
-- `ord` numbers the texts in the order of their keys, the order of hits of equal score: a search ranks by
-- (score, ord) over its postings alone and joins the keys and what the list shows for its page only.
DROP TABLE IF EXISTS search_hit;
CREATE TABLE search_hit AS
SELECT d.docid, row_number() OVER (ORDER BY d.name) AS ord, d.name AS key, d.len, s.type, s.reference, s.title,
       s.year, s.paper_key, i.meeting_key, p.paper_type, p.originator
FROM fts_main_search_doc.docs d
JOIN search_doc s ON s.key = d.name
LEFT JOIN paper p ON p.key = s.paper_key
LEFT JOIN agenda_item i ON i.key = s.key
ORDER BY ord;
DROP TABLE IF EXISTS search_posting;
-- BM25 as search.sql computes it (k1 1.2, b 0.75), per term and text
CREATE TABLE search_posting AS
WITH postings AS (SELECT termid, docid, count(*) AS tf FROM fts_main_search_doc.terms GROUP BY ALL)
SELECT t.termid, t.docid, h.ord, h.year,
       log((st.num_docs - d.df + 0.5) / (d.df + 0.5) + 1)
       * (t.tf * (1.2 + 1)) / (t.tf + 1.2 * (1 - 0.75 + 0.75 * h.len / st.avgdl)) AS weight
FROM postings t
JOIN search_hit h ON h.docid = t.docid
JOIN fts_main_search_doc.dict d ON d.termid = t.termid
CROSS JOIN fts_main_search_doc.stats st
ORDER BY t.termid, t.docid;
