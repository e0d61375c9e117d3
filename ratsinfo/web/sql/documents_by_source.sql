-- The documents the citations of an answer name ("Quelle: A-0412/2023-AW-01"), newest first per source:
-- one statement for every source of the answer.
SELECT s.source, d.key FROM doc_source s JOIN document d ON d.key = s.document_key
WHERE list_contains($sources, s.source) AND d.text IS NOT NULL
ORDER BY s.source, d.is_current DESC, d.fetched_at DESC NULLS LAST, d.key
