-- How a document is cited: the reference of the paper it holds, else the path or URL given.
DELETE FROM doc_source;
INSERT INTO doc_source
SELECT d.key, coalesce(min(p.reference), d.origin, d.url)
FROM document d
LEFT JOIN paper p ON p.document_key = d.key AND NOT p.stub AND NOT p.deleted
GROUP BY d.key, d.origin, d.url;
