-- name: inquiries
-- answers: inquiries with their answers, who asked, who answered, days until answered, open ones
-- param: since DATE optional: only inquiries dated on or after this day
-- param: status VARCHAR optional: open or answered
-- param: council VARCHAR optional: the council (town, district) whose bodies are meant, e.g. Musterstadt
-- The verdicts (answered by a paper, a filed statement or orally in a meeting; the asker from the
-- lineage, originator, title or the inquiry's own text) are derived after every run: inquiry_answer.
SELECT i.reference AS inquiry,
       i.name AS title,
       v.asked_by,
       v.answer,
       v.answered_by,
       i.date AS asked_on,
       v.answered_on,
       date_diff('day', i.date, v.answered_on) AS days_to_answer,
       coalesce(v.status, 'open') AS status,
       v.answered_how,
       v.answered_in,
       v.asked_by_from,
       c.council,
       (SELECT count(*) FROM question x WHERE x.paper_key = i.key AND NOT x.deleted) AS questions
FROM paper i
JOIN inquiry_answer v ON v.key = i.key AND NOT v.deleted
JOIN paper_council c ON c.key = i.key
WHERE NOT i.deleted
  AND ($council IS NULL OR council_matches(c.council, $council))
  AND ($since IS NULL OR i.date >= $since)
  AND ($status IS NULL OR v.status = $status)
ORDER BY i.date DESC NULLS LAST, i.reference
