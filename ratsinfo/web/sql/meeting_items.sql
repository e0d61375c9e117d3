-- The agenda of a meeting as the source gives it (non-public items as they were published), with papers.
SELECT i.number, i.name, i.public, i.result, i.paper_key, p.reference, p.name AS paper_name
FROM agenda_item i LEFT JOIN paper p ON p.key = i.paper_key AND NOT p.deleted
WHERE i.meeting_key = $key AND NOT i.deleted
ORDER BY i.position NULLS LAST, i.number, i.key
