-- How a document is cited: the reference of the paper it holds (directly, or through the
-- questions, answers, facts and consultations read from it), else the path or URL given.
DELETE FROM doc_source;
INSERT INTO doc_source
WITH held AS (
    SELECT document_key, key AS paper_key FROM paper WHERE NOT stub AND NOT deleted
    UNION SELECT document_key, paper_key FROM answer WHERE NOT deleted
    UNION SELECT document_key, paper_key FROM consultation WHERE NOT deleted
    UNION SELECT document_key, paper_key FROM fact WHERE NOT deleted AND paper_key IS NOT NULL
)
SELECT d.key, coalesce(min(p.reference), d.origin, d.url)
FROM document d
LEFT JOIN held h ON h.document_key = d.key
LEFT JOIN paper p ON p.key = h.paper_key AND NOT p.stub AND NOT p.deleted
GROUP BY d.key, d.origin, d.url;
