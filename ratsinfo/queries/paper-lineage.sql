-- name: paper-lineage
-- answers: the Stammbaum of a paper: what it answers, amends, annexes, refers to, and what refers to it
-- param: reference VARCHAR: the paper reference, e.g. VII-F-00741-AW-01
SELECT r.subject_reference AS paper,
       r.relation,
       r.target_reference AS related,
       r.target_date AS related_date,
       r.asked_by,
       r.answered_by,
       coalesce(s.source, r.source_url) AS source
FROM paper_relation r
LEFT JOIN doc_source s ON s.document_key = r.document_key
WHERE NOT r.deleted
  AND (upper(replace(r.subject_reference, ' ', '')) = upper(replace($reference, ' ', ''))
       OR upper(replace(r.target_reference, ' ', '')) = upper(replace($reference, ' ', ''))
       OR upper(replace(r.subject_reference, ' ', '')) LIKE '%ZU' || upper(replace($reference, ' ', '')))
ORDER BY r.subject_reference, r.relation, r.target_reference
