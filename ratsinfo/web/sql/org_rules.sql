-- Rules of procedure of a body, each with the span it was read from.
SELECT rule, value, number, unit, text, document_key, start, "end" FROM rule
WHERE organization_key = $key AND NOT deleted
ORDER BY start
