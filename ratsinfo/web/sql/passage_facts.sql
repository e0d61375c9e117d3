-- Facts in the cited documents whose subject or value the answer row names: the spans citations highlight.
SELECT f.document_key, f.start, f."end", f.kind, f.subject, f.value
FROM fact f
WHERE NOT f.deleted AND list_contains($documents, f.document_key) AND f.start IS NOT NULL
  AND (list_contains($names, f.subject) OR list_contains($names, f.value) OR list_contains($keys, f.subject_key))
ORDER BY f.document_key, f.start
