-- The paper page and its feed, one row per paper: each list holds what the statement of the same name in
-- ratsinfo/web/sql/ (paper_*) returns for the paper, in the same order.
-- One part of the rows ($part of $parts, by a hash of the key): the whole city at once would hold every
-- list in memory at the same time (see ratsinfo/warehouse/pages.py).
WITH consultations AS (
    SELECT c.paper_key AS key,
           list({'organization': coalesce(o.name, c.organization_name), 'organization_key': c.organization_key,
                 'meeting_key': c.meeting_key, 'meeting': coalesce(m.name, c.meeting_name),
                 'date': coalesce(c.date, CAST(m.start AS DATE)), 'role': c.role, 'status': c.status,
                 'result': c.result}
                ORDER BY c.position NULLS LAST, coalesce(c.date, CAST(m.start AS DATE)) NULLS LAST, c.key) AS rows
    FROM consultation c
    LEFT JOIN organization o ON o.key = c.organization_key
    LEFT JOIN meeting m ON m.key = c.meeting_key
    WHERE NOT c.deleted AND c.paper_key IS NOT NULL AND hash(c.paper_key) % $parts = $part
    GROUP BY c.paper_key
),
lineage_rows AS (
    SELECT r.subject_key AS key, 'out' AS direction, r.relation, r.target_reference AS reference,
           r.target_key AS paper_key, p.name, r.target_date AS date, r.asked_by, r.answered_by
    FROM paper_relation r LEFT JOIN paper p ON p.key = r.target_key AND NOT p.deleted
    WHERE NOT r.deleted AND r.subject_key IS NOT NULL AND hash(r.subject_key) % $parts = $part
    UNION ALL
    SELECT r.target_key, 'in', r.relation, r.subject_reference, CASE WHEN sp.key IS NOT NULL THEN r.subject_key END,
           coalesce(sp.name, f.name), sp.date, r.asked_by, r.answered_by
    FROM paper_relation r
    LEFT JOIN paper sp ON sp.key = r.subject_key AND NOT sp.deleted
    LEFT JOIN file f ON f.key = r.subject_key
    WHERE NOT r.deleted AND r.target_key IS NOT NULL AND hash(r.target_key) % $parts = $part
),
lineage AS (
    SELECT key, list({'direction': direction, 'relation': relation, 'reference': reference, 'paper_key': paper_key,
                      'name': name, 'date': date, 'asked_by': asked_by, 'answered_by': answered_by}
                     ORDER BY direction DESC, relation, reference) AS rows
    FROM lineage_rows GROUP BY key
),
pairs AS (
    SELECT q.key AS q_key, a.key AS a_key, q.paper_key AS q_paper, q.number, q.text AS question,
           q.document_key AS question_document, q.start AS question_start, q."end" AS question_end,
           a.text AS answer, a.paper_key AS answer_paper, ap.reference AS answer_reference,
           a.document_key AS answer_document, a.start AS answer_start, a."end" AS answer_end
    FROM question q
    LEFT JOIN answer a ON a.question_key = q.key AND NOT a.deleted
    LEFT JOIN paper ap ON ap.key = a.paper_key
    WHERE NOT q.deleted
),
question_rows AS (
    SELECT q_paper AS key, * FROM pairs WHERE q_paper IS NOT NULL
    UNION
    SELECT answer_paper AS key, * FROM pairs WHERE answer_paper IS NOT NULL
),
questions AS (
    SELECT key, list({'number': number, 'question': question, 'question_paper': q_paper,
                      'question_document': question_document, 'question_start': question_start,
                      'question_end': question_end, 'answer': answer, 'answer_paper': answer_paper,
                      'answer_reference': answer_reference, 'answer_document': answer_document,
                      'answer_start': answer_start, 'answer_end': answer_end}
                     ORDER BY number, answer_paper) AS rows
    FROM question_rows WHERE hash(key) % $parts = $part GROUP BY key
),
files AS (
    SELECT f.paper_key AS key,
           list({'key': f.key, 'name': f.name, 'mime_type': f.mime_type, 'pages': f.pages, 'text': f.text,
                 'access_url': f.access_url, 'download_status': f.download_status, 'document_key': f.document_key}
                ORDER BY f.name, f.key) AS rows
    FROM file f WHERE NOT f.deleted AND f.paper_key IS NOT NULL AND hash(f.paper_key) % $parts = $part
    GROUP BY f.paper_key
),
fact_rows AS (
    SELECT f.paper_key AS key, f.key AS fact FROM fact f WHERE NOT f.deleted AND f.paper_key IS NOT NULL
    UNION
    SELECT p.key, f.key FROM fact f JOIN paper p ON p.document_key = f.document_key WHERE NOT f.deleted
    UNION
    SELECT fi.paper_key, f.key FROM fact f JOIN file fi ON fi.document_key = f.document_key
    WHERE NOT f.deleted AND fi.paper_key IS NOT NULL
),
facts AS (
    SELECT r.key, list({'kind': f.kind, 'subject': f.subject, 'value': f.value, 'year': f.year,
                        'qualifier': f.qualifier, 'document_key': f.document_key, 'start': f.start, 'end': f."end",
                        'text': f.text}
                       ORDER BY f.kind, f.document_key, f.start) AS rows
    FROM fact_rows r JOIN fact f ON f.key = r.fact
    WHERE hash(r.key) % $parts = $part
    GROUP BY r.key
),
event_rows AS (
    SELECT c.paper_key AS paper, 'consultation' AS event, c.key, coalesce(o.name, c.organization_name) AS what,
           c.role AS detail, c.date AS date, r.started_at AS seen
    FROM consultation c LEFT JOIN organization o ON o.key = c.organization_key LEFT JOIN run r ON r.id = c.first_run
    WHERE NOT c.deleted AND c.paper_key IS NOT NULL AND hash(c.paper_key) % $parts = $part
    UNION ALL
    SELECT rel.target_key, 'answer', rel.key, rel.subject_reference, ap.name, ap.date, r.started_at
    FROM paper_relation rel LEFT JOIN paper ap ON ap.key = rel.subject_key LEFT JOIN run r ON r.id = rel.first_run
    WHERE rel.relation = 'answer_to' AND NOT rel.deleted AND rel.target_key IS NOT NULL
      AND hash(rel.target_key) % $parts = $part
    UNION ALL
    SELECT f.paper_key, 'file', f.key, f.name, f.mime_type, NULL, r.started_at
    FROM file f LEFT JOIN run r ON r.id = f.first_run
    WHERE NOT f.deleted AND f.paper_key IS NOT NULL AND hash(f.paper_key) % $parts = $part
),
events AS (
    SELECT paper AS key, list({'event': event, 'key': key, 'what': what, 'detail': detail, 'date': date, 'seen': seen}
                              ORDER BY seen DESC NULLS LAST, date DESC NULLS LAST, key) AS rows
    FROM event_rows GROUP BY paper
)
SELECT p.key,
       {'key': p.key, 'reference': p.reference, 'name': p.name, 'paper_type': p.paper_type, 'date': p.date,
        'status': p.status, 'originator': p.originator, 'under_direction_of': p.under_direction_of, 'text': p.text,
        'stub': p.stub, 'source_url': p.source_url, 'document_key': p.document_key,
        'source': coalesce(s.source, p.source_url), 'deleted': p.deleted} AS paper,
       c.rows AS consultations, l.rows AS lineage, q.rows AS questions, f.rows AS files, x.rows AS facts,
       e.rows AS events
FROM paper p
LEFT JOIN doc_source s ON s.document_key = p.document_key
LEFT JOIN consultations c ON c.key = p.key
LEFT JOIN lineage l ON l.key = p.key
LEFT JOIN questions q ON q.key = p.key
LEFT JOIN files f ON f.key = p.key
LEFT JOIN facts x ON x.key = p.key
LEFT JOIN events e ON e.key = p.key
WHERE hash(p.key) % $parts = $part
