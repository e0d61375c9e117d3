-- The documents a citation ("Quelle: A-0412/2023-AW-01") names, newest first.
SELECT d.key FROM doc_source s JOIN document d ON d.key = s.document_key
WHERE s.source = $source AND d.text IS NOT NULL
ORDER BY d.is_current DESC, d.fetched_at DESC NULLS LAST, d.key
