-- Every extracted fact with its provenance, optionally of one kind.
SELECT kind, subject,
       number,
       value, year, strftime(date, '%Y-%m-%d') AS date, qualifier, document, start, "end", text, detail
FROM fact
WHERE NOT deleted AND (CAST(? AS VARCHAR) IS NULL OR kind = ?)
ORDER BY document, start, kind
