-- name: answers
-- answers: what a paper answered: the numbered questions of an inquiry and the answer to each
-- param: reference VARCHAR: the reference of the inquiry or of its answer
WITH wanted AS (
    SELECT key FROM paper
    WHERE upper(replace(reference, ' ', '')) = upper(replace($reference, ' ', '')) AND NOT deleted
)
SELECT ip.reference AS inquiry,
       q.number,
       q.text AS question,
       a.text AS answer,
       ap.reference AS answered_in
FROM question q
JOIN paper ip ON ip.key = q.paper_key
LEFT JOIN answer a ON a.question_key = q.key AND NOT a.deleted
LEFT JOIN paper ap ON ap.key = a.paper_key
WHERE NOT q.deleted
  AND (q.paper_key IN (SELECT key FROM wanted) OR a.paper_key IN (SELECT key FROM wanted))
ORDER BY ip.reference, q.number, ap.reference
