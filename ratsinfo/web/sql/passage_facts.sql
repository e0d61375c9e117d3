-- Facts in a document whose subject or value the answer row names: the spans a citation highlights.
SELECT f.start, f."end", f.kind, f.subject, f.value
FROM fact f
WHERE NOT f.deleted AND f.document_key = $document AND f.start IS NOT NULL
  AND (list_contains($names, f.subject) OR list_contains($names, f.value) OR list_contains($keys, f.subject_key))
ORDER BY f.start
