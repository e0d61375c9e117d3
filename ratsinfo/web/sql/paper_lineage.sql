-- Lineage of a paper, both ways: what it answers, amends, annexes or refers to, and what points at it.
SELECT 'out' AS direction, r.relation, r.target_reference AS reference, r.target_key AS paper_key,
       p.name, r.target_date AS date, r.asked_by, r.answered_by
FROM paper_relation r LEFT JOIN paper p ON p.key = r.target_key AND NOT p.deleted
WHERE r.subject_key = $key AND NOT r.deleted
UNION ALL
SELECT 'in', r.relation, r.subject_reference, CASE WHEN sp.key IS NOT NULL THEN r.subject_key END,
       coalesce(sp.name, f.name), sp.date, r.asked_by, r.answered_by
FROM paper_relation r
LEFT JOIN paper sp ON sp.key = r.subject_key AND NOT sp.deleted
LEFT JOIN file f ON f.key = r.subject_key
WHERE r.target_key = $key AND NOT r.deleted
ORDER BY 1 DESC, 2, 3
