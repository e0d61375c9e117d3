-- Everything worth finding, one row per text; called inside one transaction.
DELETE FROM search_doc;
INSERT INTO search_doc
SELECT p.key, 'paper', p.reference, p.name, p.text, year(p.date), p.source_url, p.key
FROM paper p WHERE NOT p.deleted AND NOT p.stub AND p.text IS NOT NULL
UNION ALL
SELECT a.key, 'answer', p.reference || ' (Antwort ' || a.number || ')', q.text, a.text, year(p.date), a.source_url, a.paper_key
FROM answer a JOIN paper p ON p.key = a.paper_key LEFT JOIN question q ON q.key = a.question_key
WHERE NOT a.deleted AND a.text IS NOT NULL
UNION ALL
SELECT f.key, 'file', coalesce(p.reference, f.name), f.name, f.text, NULL, f.source_url, f.paper_key
FROM file f LEFT JOIN paper p ON p.key = f.paper_key AND NOT p.stub
WHERE NOT f.deleted AND f.text IS NOT NULL AND length(f.text) > 0
UNION ALL
SELECT i.key, 'agenda_item', coalesce(i.number, ''), i.name, concat_ws(' ', i.name, i.result), year(m.start), i.source_url, i.paper_key
FROM agenda_item i LEFT JOIN meeting m ON m.key = i.meeting_key
WHERE NOT i.deleted AND i.name IS NOT NULL;
