-- A stored document's text, for showing a cited passage in place.
SELECT d.key, d.url, d.origin, d.content_type, d.text, coalesce(s.source, d.origin, d.url) AS source,
       (SELECT min(p.key) FROM paper p WHERE p.document_key = d.key AND NOT p.stub) AS paper_key
FROM document d LEFT JOIN doc_source s ON s.document_key = d.key
WHERE d.key = $key
