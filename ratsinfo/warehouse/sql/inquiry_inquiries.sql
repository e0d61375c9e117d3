-- Every inquiry on record (paper types with "Anfrage" that are not an answer or statement),
-- with what may name its asker: the originator, the title and the head of its own text.
SELECT p.key, p.reference, p.name, p.originator, p.date, substr(p.text, 1, 1500) AS head
FROM paper p
WHERE NOT p.deleted
  AND p.paper_type ILIKE '%anfrage%'
  AND NOT regexp_matches(p.paper_type, '(?i)antwort|stellungnahme|mitteilung')
ORDER BY p.key
