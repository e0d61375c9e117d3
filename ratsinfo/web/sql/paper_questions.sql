-- Numbered questions beside their answers: the questions this paper asks, or the ones it answers.
SELECT q.number, q.text AS question, q.paper_key AS question_paper, q.document_key AS question_document,
       q.start AS question_start, q."end" AS question_end,
       a.text AS answer, a.paper_key AS answer_paper, ap.reference AS answer_reference,
       a.document_key AS answer_document, a.start AS answer_start, a."end" AS answer_end
FROM question q
LEFT JOIN answer a ON a.question_key = q.key AND NOT a.deleted
LEFT JOIN paper ap ON ap.key = a.paper_key
WHERE NOT q.deleted AND (q.paper_key = $key OR a.paper_key = $key)
ORDER BY q.number, a.paper_key
