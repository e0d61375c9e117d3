-- Numbered questions of inquiries with the answer to each, and where the answer stands.
SELECT p.reference AS inquiry, q.number AS nr, q.text AS question, a.text AS answer,
       ap.reference AS answered_in
FROM question q
JOIN paper p ON p.key = q.paper_key
LEFT JOIN answer a ON a.question_key = q.key AND NOT a.deleted
LEFT JOIN paper ap ON ap.key = a.paper_key
WHERE NOT q.deleted ORDER BY p.reference, q.number
