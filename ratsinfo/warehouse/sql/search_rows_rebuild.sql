-- What the search page reads instead of the full-text index's own tables, built after the index and before
-- a snapshot is published: the postings of each term in one place (sorted by term, so a search reads the
-- blocks of its terms only), and per indexed text what ranking and the result list need, without its text
-- (read for the page's twenty hits only). Called inside one transaction.
DROP TABLE IF EXISTS search_posting;
CREATE TABLE search_posting AS
SELECT termid, docid, count(*)::INTEGER AS tf FROM fts_main_search_doc.terms GROUP BY ALL ORDER BY termid, docid;
DROP TABLE IF EXISTS search_hit;
CREATE TABLE search_hit AS
SELECT d.docid, d.name AS key, d.len, s.type, s.reference, s.title, s.year, s.paper_key, i.meeting_key,
       p.paper_type, p.originator
FROM fts_main_search_doc.docs d
JOIN search_doc s ON s.key = d.name
LEFT JOIN paper p ON p.key = s.paper_key
LEFT JOIN agenda_item i ON i.key = s.key
ORDER BY d.docid;
