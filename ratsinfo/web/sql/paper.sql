-- One paper with the source it is cited by.
SELECT p.key, p.reference, p.name, p.paper_type, p.date, p.status, p.originator, p.under_direction_of, p.text,
       p.stub, p.source_url, p.document_key, coalesce(s.source, p.source_url) AS source, p.deleted
FROM paper p LEFT JOIN doc_source s ON s.document_key = p.document_key
WHERE p.key = $key
