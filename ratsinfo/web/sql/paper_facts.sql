-- Facts read from a paper, its files and its documents, each with the span it cites.
SELECT f.kind, f.subject, f.value, f.year, f.qualifier, f.document_key, f.start, f."end", f.text
FROM fact f
WHERE NOT f.deleted AND (f.paper_key = $key
      OR f.document_key IN (SELECT document_key FROM paper WHERE key = $key)
      OR f.document_key IN (SELECT document_key FROM file WHERE paper_key = $key))
ORDER BY f.kind, f.document_key, f.start
