-- What the extraction read from the prose: session counts, meetings and rules, with their source.
SELECT kind, subject, coalesce(CAST(CAST(number AS INTEGER) AS VARCHAR), value) AS value, year, qualifier, document
FROM fact
WHERE NOT deleted AND kind IN ('session_count', 'meeting', 'rule')
ORDER BY kind, subject, year, start
