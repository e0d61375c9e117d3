-- What the given runs did, as events a watch can report: one row per inserted or changed record,
-- with the paper and meeting it concerns. A source's first load (first_load summary rows) and
-- deletions are not events; a changed field is one row (detail 'field: old → new'). Parameters: $runs.
WITH c AS (
    SELECT * FROM change WHERE list_contains($runs, run_id) AND change IN ('inserted', 'updated')
),
paper_upd AS (
    SELECT run_id, key, field || ': ' || coalesce(old_value, '–') || ' → ' || coalesce(new_value, '–') AS detail
    FROM c WHERE table_name = 'paper' AND change = 'updated' AND field IN ('name', 'status', 'paper_type', 'date')
),
meeting_upd AS (
    SELECT run_id, key, field || ': ' || coalesce(old_value, '–') || ' → ' || coalesce(new_value, '–') AS detail
    FROM c WHERE table_name = 'meeting' AND change = 'updated'
      AND field IN ('start', 'end', 'cancelled', 'location', 'name')
)
SELECT c.run_id, c.table_name, c.key, 'paper_new' AS event, c.key AS paper_key, NULL AS meeting_key, NULL AS detail
FROM c WHERE c.table_name = 'paper' AND c.change = 'inserted'
UNION ALL
SELECT run_id, 'paper', key, 'paper_changed', key, NULL, detail FROM paper_upd
UNION ALL
SELECT c.run_id, c.table_name, c.key, 'consultation_new', co.paper_key, co.meeting_key,
       concat_ws(', ', nullif(co.organization_name, ''), co.role)
FROM c JOIN consultation co ON co.key = c.key WHERE c.table_name = 'consultation' AND c.change = 'inserted'
UNION ALL
SELECT c.run_id, c.table_name, c.key, 'result', co.paper_key, co.meeting_key,
       concat_ws(': ', nullif(co.organization_name, ''), c.new_value)
FROM c JOIN consultation co ON co.key = c.key
WHERE c.table_name = 'consultation' AND c.change = 'updated' AND c.field = 'result' AND c.new_value IS NOT NULL
UNION ALL
SELECT c.run_id, c.table_name, c.key, 'agenda_item_new', ai.paper_key, ai.meeting_key,
       concat_ws(' ', ai.number, ai.name)
FROM c JOIN agenda_item ai ON ai.key = c.key WHERE c.table_name = 'agenda_item' AND c.change = 'inserted'
UNION ALL
SELECT c.run_id, c.table_name, c.key, 'result', ai.paper_key, ai.meeting_key, c.new_value
FROM c JOIN agenda_item ai ON ai.key = c.key
WHERE c.table_name = 'agenda_item' AND c.change = 'updated' AND c.field = 'result' AND c.new_value IS NOT NULL
UNION ALL
SELECT c.run_id, c.table_name, c.key, 'file_new', f.paper_key, f.meeting_key, coalesce(f.name, f.access_url)
FROM c JOIN file f ON f.key = c.key WHERE c.table_name = 'file' AND c.change = 'inserted'
UNION ALL
SELECT c.run_id, c.table_name, c.key, 'answer', q.paper_key, NULL, coalesce(ap.reference, a.paper_key)
FROM c JOIN answer a ON a.key = c.key JOIN question q ON q.key = a.question_key
LEFT JOIN paper ap ON ap.key = a.paper_key
WHERE c.table_name = 'answer' AND c.change = 'inserted'
UNION ALL
SELECT c.run_id, c.table_name, c.key, 'answer', r.target_key, NULL, coalesce(sp.reference, r.subject_reference)
FROM c JOIN paper_relation r ON r.key = c.key LEFT JOIN paper sp ON sp.key = r.subject_key
WHERE c.table_name = 'paper_relation' AND c.change = 'inserted' AND r.target_key IS NOT NULL
  AND (r.relation = 'answer_to'
       OR (r.relation IN ('related_to', 'refers_to')
           AND regexp_matches(lower(coalesce(sp.paper_type, '')), 'antwort|stellungnahme')))
UNION ALL
SELECT c.run_id, c.table_name, c.key, 'meeting_new', NULL, c.key, NULL
FROM c WHERE c.table_name = 'meeting' AND c.change = 'inserted'
UNION ALL
SELECT run_id, 'meeting', key, 'meeting_changed', NULL, key, detail FROM meeting_upd
ORDER BY 1, 2, 3, 4
