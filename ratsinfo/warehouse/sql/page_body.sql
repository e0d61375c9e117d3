-- The body page and its feeds, one row per body (ratsinfo/web/sql/organization.sql and org_*.sql).
-- One part of the rows ($part of $parts, by a hash of the key): the whole city at once would hold every
-- list in memory at the same time (see ratsinfo/warehouse/pages.py), so each list is filtered to the part's
-- bodies where it is read, not only at the end.
WITH part_names AS (SELECT DISTINCT name FROM organization WHERE hash(key) % $parts = $part),
rec AS (
    SELECT organization_key AS key, year(start) AS year, count(*) AS n FROM meeting
    WHERE NOT deleted AND start IS NOT NULL AND NOT coalesce(cancelled, false) AND organization_key IS NOT NULL
      AND hash(organization_key) % $parts = $part
    GROUP BY 1, 2
),
txt AS (
    SELECT subject_key AS key, year, max(number)::INTEGER AS n FROM fact
    WHERE NOT deleted AND kind = 'session_count' AND qualifier = 'exact' AND year IS NOT NULL
      AND subject_key IS NOT NULL AND hash(subject_key) % $parts = $part
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
    FROM topic WHERE NOT deleted AND organization_key IS NOT NULL AND hash(organization_key) % $parts = $part
    GROUP BY 1
),
members AS (
    SELECT m.organization_key AS key,
           list({'name': p.name, 'role': m.role, 'start_date': m.start_date, 'end_date': m.end_date}
                ORDER BY m.end_date NULLS FIRST, p.name) AS rows
    FROM membership m JOIN person p ON p.key = m.person_key
    WHERE NOT m.deleted AND m.organization_key IS NOT NULL AND hash(m.organization_key) % $parts = $part
    GROUP BY 1
),
subgroups AS (
    SELECT parent_key AS key, list({'key': key, 'name': name, 'kind': kind} ORDER BY name) AS rows
    FROM organization WHERE NOT deleted AND parent_key IS NOT NULL AND hash(parent_key) % $parts = $part
    GROUP BY 1
),
rules AS (
    SELECT organization_key AS key,
           list({'rule': rule, 'value': value, 'number': number, 'unit': unit, 'text': text,
                 'document_key': document_key, 'start': start, 'end': "end"} ORDER BY start) AS rows
    FROM rule WHERE NOT deleted AND organization_key IS NOT NULL AND hash(organization_key) % $parts = $part
    GROUP BY 1
),
meeting_rows AS (     -- the newest 1,000: the iCalendar feed's, of which the page shows the first 50
    SELECT organization_key AS org, key, name, number, start, "end", location, cancelled, public, first_run
    FROM meeting WHERE organization_key IS NOT NULL AND NOT deleted AND hash(organization_key) % $parts = $part
    QUALIFY row_number() OVER (PARTITION BY organization_key ORDER BY start DESC NULLS LAST, key) <= 1000
),
meetings AS (
    SELECT org AS key,
           list({'key': key, 'name': name, 'number': number, 'start': start, 'end': "end", 'location': location,
                 'cancelled': cancelled, 'public': public, 'first_run': first_run}
                ORDER BY start DESC NULLS LAST, key) AS rows
    FROM meeting_rows GROUP BY 1
),
consulted AS (        -- org_papers.sql for every body, by key or by the name the source gives: each way's
    SELECT DISTINCT       -- newest 50 first (many bodies may share a name), then the newest 50 of both; the
           c.organization_key AS via_key, c.organization_name AS via_name, c.paper_key AS key,
           coalesce(c.date, p.date) AS date, c.role, c.result, c.first_run   -- paper's words are joined to
    FROM consultation c                                                      -- the 50 only: every body's
    JOIN paper p ON p.key = c.paper_key AND NOT p.deleted                    -- papers with their names
    WHERE NOT c.deleted AND (hash(c.organization_key) % $parts = $part       -- did not fit 256 MB at 10x
                             OR c.organization_name IN (SELECT name FROM part_names))
),
by_key AS (
    SELECT DISTINCT via_key AS org, key, date, role, result, first_run FROM consulted
    WHERE via_key IS NOT NULL AND hash(via_key) % $parts = $part
),
by_name AS (
    SELECT DISTINCT via_name, key, date, role, result, first_run FROM consulted
    WHERE via_name IN (SELECT name FROM part_names)
),
paper_rows AS (
    SELECT * FROM by_key QUALIFY row_number() OVER (PARTITION BY org ORDER BY date DESC NULLS LAST, key) <= 50
    UNION
    SELECT o.key, n.key, n.date, n.role, n.result, n.first_run
    FROM (SELECT * FROM by_name
          QUALIFY row_number() OVER (PARTITION BY via_name ORDER BY date DESC NULLS LAST, key) <= 50) n
    JOIN organization o ON o.name = n.via_name AND hash(o.key) % $parts = $part
),
papers AS (           -- the newest 50: the body's feed
    SELECT n.org AS key,
           list({'key': n.key, 'reference': p.reference, 'name': p.name, 'paper_type': p.paper_type,
                 'date': n.date, 'role': n.role, 'result': n.result, 'seen': r.started_at}
                ORDER BY n.date DESC NULLS LAST, n.key) AS rows
    FROM (SELECT * FROM paper_rows
          QUALIFY row_number() OVER (PARTITION BY org ORDER BY date DESC NULLS LAST, key) <= 50) n
    JOIN paper p ON p.key = n.key
    LEFT JOIN run r ON r.id = n.first_run
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
WHERE hash(o.key) % $parts = $part
