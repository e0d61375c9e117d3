-- What may answer an inquiry, one row per piece of evidence:
--   answer_to     a paper the lineage names as its answer (ALLRIS Stammbaum, "Bezüglich")
--   subordinated  a paper under the inquiry (OParl subordinatedPaper, or superordinatedPaper of the other)
--   related       a paper related either way (OParl relatedPaper, references in the text)
--   file          a file filed with the inquiry (name, date, head of its text)
--   agenda_item   a meeting's agenda item on the inquiry, with its result
--   consultation  a consultation of the inquiry with a result (ALLRIS Beratungsfolge)
WITH inquiry AS (
    SELECT p.key FROM paper p
    WHERE NOT p.deleted AND p.paper_type ILIKE '%anfrage%'
      AND NOT regexp_matches(p.paper_type, '(?i)antwort|stellungnahme|mitteilung')
), linked AS (
    SELECT r.target_key AS inquiry_key, 'answer_to' AS evidence, r.subject_key AS other_key,
           r.answered_by, r.asked_by
    FROM paper_relation r WHERE NOT r.deleted AND r.relation = 'answer_to'
    UNION ALL
    SELECT r.subject_key, 'subordinated', r.target_key, NULL, NULL
    FROM paper_relation r WHERE NOT r.deleted AND r.relation = 'has_part'
    UNION ALL
    SELECT r.target_key, 'subordinated', r.subject_key, NULL, NULL
    FROM paper_relation r WHERE NOT r.deleted AND r.relation = 'derived_from'
    UNION ALL
    SELECT r.subject_key, 'related', r.target_key, NULL, NULL
    FROM paper_relation r WHERE NOT r.deleted AND r.relation IN ('related_to', 'refers_to')
    UNION ALL
    SELECT r.target_key, 'related', r.subject_key, NULL, NULL
    FROM paper_relation r WHERE NOT r.deleted AND r.relation IN ('related_to', 'refers_to')
)
SELECT l.inquiry_key, l.evidence, l.other_key AS evidence_key, a.reference AS name, a.paper_type AS detail,
       a.date AS on_date, coalesce(l.answered_by, a.under_direction_of, a.originator) AS by_whom,
       l.asked_by, NULL AS head
FROM linked l JOIN inquiry i ON i.key = l.inquiry_key
JOIN paper a ON a.key = l.other_key AND NOT a.deleted
UNION ALL
SELECT f.paper_key, 'file', f.key, f.name, f.mime_type, f.date, NULL, NULL, substr(f.text, 1, 1500)
FROM file f JOIN inquiry i ON i.key = f.paper_key
WHERE NOT f.deleted
UNION ALL
SELECT ai.paper_key, 'agenda_item', ai.key, coalesce(m.name, ''), ai.result, CAST(m.start AS DATE),
       o.name, NULL, NULL
FROM agenda_item ai JOIN inquiry i ON i.key = ai.paper_key
LEFT JOIN meeting m ON m.key = ai.meeting_key AND NOT m.deleted
LEFT JOIN organization o ON o.key = m.organization_key
WHERE NOT ai.deleted AND ai.result IS NOT NULL
UNION ALL
SELECT c.paper_key, 'consultation', c.key, coalesce(m.name, c.meeting_name, c.organization_name, ''), c.result,
       coalesce(CAST(m.start AS DATE), c.date), c.organization_name, NULL, NULL
FROM consultation c JOIN inquiry i ON i.key = c.paper_key
LEFT JOIN meeting m ON m.key = c.meeting_key AND NOT m.deleted
WHERE NOT c.deleted AND c.result IS NOT NULL
ORDER BY 1, 2, 3
