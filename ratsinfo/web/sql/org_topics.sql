-- Themes of a body per year, with the document and span each was read from.
SELECT year, topic, document_key, start, "end" FROM topic
WHERE organization_key = $key AND NOT deleted
ORDER BY year DESC NULLS LAST, start
