-- The meeting page, one row per meeting (ratsinfo/web/sql/meeting.sql and meeting_items.sql).
-- One part of the rows ($part of $parts, by a hash of the key): the whole city at once would hold every
-- list in memory at the same time (see ratsinfo/warehouse/pages.py).
WITH items AS (
    SELECT i.meeting_key AS key,
           list({'number': i.number, 'name': i.name, 'public': i.public, 'result': i.result, 'paper_key': i.paper_key,
                 'reference': p.reference, 'paper_name': p.name}
                ORDER BY i.position NULLS LAST, i.number, i.key) AS rows
    FROM agenda_item i LEFT JOIN paper p ON p.key = i.paper_key AND NOT p.deleted
    WHERE NOT i.deleted AND i.meeting_key IS NOT NULL AND hash(i.meeting_key) % $parts = $part
    GROUP BY i.meeting_key
)
SELECT m.key,
       {'key': m.key, 'name': m.name, 'number': m.number, 'start': m.start, 'end': m."end", 'location': m.location,
        'public': m.public, 'cancelled': m.cancelled, 'organization_key': m.organization_key,
        'organization': o.name, 'source_url': m.source_url} AS meeting,
       i.rows AS items
FROM meeting m
LEFT JOIN organization o ON o.key = m.organization_key
LEFT JOIN items i ON i.key = m.key
WHERE hash(m.key) % $parts = $part
