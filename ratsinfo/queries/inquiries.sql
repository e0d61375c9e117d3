-- name: inquiries
-- answers: inquiries with their answers, who asked, who answered, days until answered, open ones
-- param: since DATE optional: only inquiries dated on or after this day
-- param: status VARCHAR optional: open or answered
WITH inquiries AS (
    SELECT q.key, q.reference, q.name, q.originator, q.date
    FROM paper q
    WHERE NOT q.deleted AND q.paper_type ILIKE '%anfrage%' AND q.paper_type NOT ILIKE '%antwort%'
)
SELECT i.reference AS inquiry,
       i.name AS title,
       coalesce(r.asked_by, i.originator) AS asked_by,
       a.reference AS answer,
       coalesce(r.answered_by, a.under_direction_of, a.originator) AS answered_by,
       i.date AS asked_on,
       a.date AS answered_on,
       date_diff('day', i.date, a.date) AS days_to_answer,
       CASE WHEN a.key IS NULL THEN 'open' ELSE 'answered' END AS status,
       (SELECT count(*) FROM question x WHERE x.paper_key = i.key AND NOT x.deleted) AS questions
FROM inquiries i
LEFT JOIN paper_relation r ON r.target_key = i.key AND r.relation = 'answer_to' AND NOT r.deleted
LEFT JOIN paper a ON a.key = r.subject_key
WHERE ($since IS NULL OR i.date >= $since)
  AND ($status IS NULL OR (CASE WHEN a.key IS NULL THEN 'open' ELSE 'answered' END) = $status)
ORDER BY i.date DESC NULLS LAST, i.reference
