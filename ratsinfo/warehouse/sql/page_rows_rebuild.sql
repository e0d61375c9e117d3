-- The rows the web app's paper, meeting and body pages (and their feeds) show, one row per page, built
-- before a snapshot is published: a page then costs one point lookup instead of five to eight statements,
-- and planning those statements, not running them, was most of a page's time. Each list holds what the
-- statement of the same name in ratsinfo/web/sql/ returns for one key, in the same order; called inside one
-- transaction.
DROP TABLE IF EXISTS page_paper;
CREATE TABLE page_paper AS
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
    WHERE NOT c.deleted AND c.paper_key IS NOT NULL
    GROUP BY c.paper_key
),
lineage_rows AS (
    SELECT r.subject_key AS key, 'out' AS direction, r.relation, r.target_reference AS reference,
           r.target_key AS paper_key, p.name, r.target_date AS date, r.asked_by, r.answered_by
    FROM paper_relation r LEFT JOIN paper p ON p.key = r.target_key AND NOT p.deleted
    WHERE NOT r.deleted AND r.subject_key IS NOT NULL
    UNION ALL
    SELECT r.target_key, 'in', r.relation, r.subject_reference, CASE WHEN sp.key IS NOT NULL THEN r.subject_key END,
           coalesce(sp.name, f.name), sp.date, r.asked_by, r.answered_by
    FROM paper_relation r
    LEFT JOIN paper sp ON sp.key = r.subject_key AND NOT sp.deleted
    LEFT JOIN file f ON f.key = r.subject_key
    WHERE NOT r.deleted AND r.target_key IS NOT NULL
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
    FROM question_rows GROUP BY key
),
files AS (
    SELECT f.paper_key AS key,
           list({'key': f.key, 'name': f.name, 'mime_type': f.mime_type, 'pages': f.pages, 'text': f.text,
                 'access_url': f.access_url, 'download_status': f.download_status, 'document_key': f.document_key}
                ORDER BY f.name, f.key) AS rows
    FROM file f WHERE NOT f.deleted AND f.paper_key IS NOT NULL
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
    GROUP BY r.key
),
event_rows AS (
    SELECT c.paper_key AS paper, 'consultation' AS event, c.key, coalesce(o.name, c.organization_name) AS what,
           c.role AS detail, c.date AS date, r.started_at AS seen
    FROM consultation c LEFT JOIN organization o ON o.key = c.organization_key LEFT JOIN run r ON r.id = c.first_run
    WHERE NOT c.deleted AND c.paper_key IS NOT NULL
    UNION ALL
    SELECT rel.target_key, 'answer', rel.key, rel.subject_reference, ap.name, ap.date, r.started_at
    FROM paper_relation rel LEFT JOIN paper ap ON ap.key = rel.subject_key LEFT JOIN run r ON r.id = rel.first_run
    WHERE rel.relation = 'answer_to' AND NOT rel.deleted AND rel.target_key IS NOT NULL
    UNION ALL
    SELECT f.paper_key, 'file', f.key, f.name, f.mime_type, NULL, r.started_at
    FROM file f LEFT JOIN run r ON r.id = f.first_run
    WHERE NOT f.deleted AND f.paper_key IS NOT NULL
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
ORDER BY p.key;
CREATE UNIQUE INDEX page_paper_key ON page_paper (key);

DROP TABLE IF EXISTS page_meeting;
CREATE TABLE page_meeting AS
WITH items AS (
    SELECT i.meeting_key AS key,
           list({'number': i.number, 'name': i.name, 'public': i.public, 'result': i.result, 'paper_key': i.paper_key,
                 'reference': p.reference, 'paper_name': p.name}
                ORDER BY i.position NULLS LAST, i.number, i.key) AS rows
    FROM agenda_item i LEFT JOIN paper p ON p.key = i.paper_key AND NOT p.deleted
    WHERE NOT i.deleted AND i.meeting_key IS NOT NULL
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
ORDER BY m.key;
CREATE UNIQUE INDEX page_meeting_key ON page_meeting (key);

DROP TABLE IF EXISTS page_body;
CREATE TABLE page_body AS
WITH rec AS (
    SELECT organization_key AS key, year(start) AS year, count(*) AS n FROM meeting
    WHERE NOT deleted AND start IS NOT NULL AND NOT coalesce(cancelled, false) AND organization_key IS NOT NULL
    GROUP BY 1, 2
),
txt AS (
    SELECT subject_key AS key, year, max(number)::INTEGER AS n FROM fact
    WHERE NOT deleted AND kind = 'session_count' AND qualifier = 'exact' AND year IS NOT NULL
      AND subject_key IS NOT NULL
    GROUP BY 1, 2
),
sessions AS (
    SELECT coalesce(r.key, t.key) AS key,
           list({'year': coalesce(r.year, t.year), 'sessions': coalesce(r.n, t.n),
                 'basis': CASE WHEN r.n IS NULL THEN 'text' ELSE 'records' END}
                ORDER BY coalesce(r.year, t.year)) AS rows
    FROM rec r FULL JOIN txt t ON t.key = r.key AND t.year = r.year
    GROUP BY 1
),
topics AS (
    SELECT organization_key AS key,
           list({'year': year, 'topic': topic, 'document_key': document_key, 'start': start, 'end': "end"}
                ORDER BY year DESC NULLS LAST, start) AS rows
    FROM topic WHERE NOT deleted AND organization_key IS NOT NULL GROUP BY 1
),
members AS (
    SELECT m.organization_key AS key,
           list({'name': p.name, 'role': m.role, 'start_date': m.start_date, 'end_date': m.end_date}
                ORDER BY m.end_date NULLS FIRST, p.name) AS rows
    FROM membership m JOIN person p ON p.key = m.person_key
    WHERE NOT m.deleted AND m.organization_key IS NOT NULL
    GROUP BY 1
),
subgroups AS (
    SELECT parent_key AS key, list({'key': key, 'name': name, 'kind': kind} ORDER BY name) AS rows
    FROM organization WHERE NOT deleted AND parent_key IS NOT NULL GROUP BY 1
),
rules AS (
    SELECT organization_key AS key,
           list({'rule': rule, 'value': value, 'number': number, 'unit': unit, 'text': text,
                 'document_key': document_key, 'start': start, 'end': "end"} ORDER BY start) AS rows
    FROM rule WHERE NOT deleted AND organization_key IS NOT NULL GROUP BY 1
),
meeting_rows AS (     -- the newest 1,000: the iCalendar feed's, of which the page shows the first 50
    SELECT organization_key AS org, key, name, number, start, "end", location, cancelled, public, first_run
    FROM meeting WHERE organization_key IS NOT NULL AND NOT deleted
    QUALIFY row_number() OVER (PARTITION BY organization_key ORDER BY start DESC NULLS LAST, key) <= 1000
),
meetings AS (
    SELECT org AS key,
           list({'key': key, 'name': name, 'number': number, 'start': start, 'end': "end", 'location': location,
                 'cancelled': cancelled, 'public': public, 'first_run': first_run}
                ORDER BY start DESC NULLS LAST, key) AS rows
    FROM meeting_rows GROUP BY 1
),
consulted AS (        -- org_papers.sql for every body: by key or by the name the source gives
    SELECT o.key AS org, c.paper_key, c.date, c.role, c.result, c.first_run FROM consultation c
    JOIN organization o ON o.key = c.organization_key WHERE NOT c.deleted
    UNION ALL
    SELECT o.key, c.paper_key, c.date, c.role, c.result, c.first_run FROM consultation c
    JOIN organization o ON o.name = c.organization_name WHERE NOT c.deleted
),
paper_rows AS (
    SELECT DISTINCT k.org, p.key, p.reference, p.name, p.paper_type, coalesce(k.date, p.date) AS date, k.role,
           k.result, r.started_at AS seen
    FROM consulted k
    JOIN paper p ON p.key = k.paper_key AND NOT p.deleted
    LEFT JOIN run r ON r.id = k.first_run
),
papers AS (           -- the newest 50: the body's feed
    SELECT org AS key,
           list({'key': key, 'reference': reference, 'name': name, 'paper_type': paper_type, 'date': date,
                 'role': role, 'result': result, 'seen': seen} ORDER BY date DESC NULLS LAST, key) AS rows
    FROM (SELECT * FROM paper_rows
          QUALIFY row_number() OVER (PARTITION BY org ORDER BY date DESC NULLS LAST, key) <= 50)
    GROUP BY 1
)
SELECT o.key,
       {'key': o.key, 'name': o.name, 'kind': o.kind, 'aliases': o.aliases, 'abbreviation': o.abbreviation,
        'parent_key': o.parent_key, 'parent': pa.name, 'source_url': o.source_url} AS org,
       s.rows AS sessions, t.rows AS topics, mb.rows AS members, g.rows AS groups, r.rows AS rules,
       m.rows AS meetings, p.rows AS papers
FROM organization o
LEFT JOIN organization pa ON pa.key = o.parent_key
LEFT JOIN sessions s ON s.key = o.key
LEFT JOIN topics t ON t.key = o.key
LEFT JOIN members mb ON mb.key = o.key
LEFT JOIN subgroups g ON g.key = o.key
LEFT JOIN rules r ON r.key = o.key
LEFT JOIN meetings m ON m.key = o.key
LEFT JOIN papers p ON p.key = o.key
ORDER BY o.key;
CREATE UNIQUE INDEX page_body_key ON page_body (key);
