-- Lineage found in the warehouse: who answers, amends, annexes or refers to what.
SELECT r.subject_reference AS paper, r.relation, r.target_reference AS target,
       r.target_date, r.asked_by, r.answered_by, r.source_url AS source
FROM paper_relation r WHERE NOT r.deleted ORDER BY r.subject_reference, r.relation, r.target_reference
