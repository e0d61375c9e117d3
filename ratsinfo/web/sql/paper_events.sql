-- What happened to a paper, for its feed: consultations added, answers arrived, files added.
SELECT 'consultation' AS event, c.key, coalesce(o.name, c.organization_name) AS what, c.role AS detail,
       c.date AS date, r.started_at AS seen
FROM consultation c LEFT JOIN organization o ON o.key = c.organization_key LEFT JOIN run r ON r.id = c.first_run
WHERE c.paper_key = $key AND NOT c.deleted
UNION ALL
SELECT 'answer', rel.key, rel.subject_reference, ap.name, ap.date, r.started_at
FROM paper_relation rel LEFT JOIN paper ap ON ap.key = rel.subject_key LEFT JOIN run r ON r.id = rel.first_run
WHERE rel.target_key = $key AND rel.relation = 'answer_to' AND NOT rel.deleted
UNION ALL
SELECT 'file', f.key, f.name, f.mime_type, NULL, r.started_at
FROM file f LEFT JOIN run r ON r.id = f.first_run
WHERE f.paper_key = $key AND NOT f.deleted
ORDER BY seen DESC NULLS LAST, date DESC NULLS LAST, key
