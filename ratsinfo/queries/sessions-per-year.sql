-- name: sessions-per-year
-- answers: how many sessions each organization held in a year, and on which themes
-- param: year INTEGER optional: the calendar year
-- param: organization ORGANIZATION optional: a name, alias, abbreviation or inflected form
-- param: council VARCHAR optional: the council (town, district) whose bodies are meant, e.g. Musterstadt
-- kept: _organization_key IN organization, year = year, council MATCHES council
WITH orgs AS (
    SELECT o.key, o.name, c.council FROM organization o JOIN organization_council c ON c.key = o.key
    WHERE NOT o.deleted AND ($organization IS NULL OR list_contains($organization, o.key))
      AND ($council IS NULL OR council_matches(c.council, $council))
),
records AS (          -- meetings on record (OParl, ALLRIS calendars)
    SELECT m.organization_key AS okey, year(m.start) AS year, count(DISTINCT m.key) AS n,
           list(DISTINCT coalesce(s.source, m.source_url)) AS src
    FROM meeting m LEFT JOIN doc_source s ON s.document_key = m.document_key
    WHERE NOT m.deleted AND m.method = 'record' AND m.start IS NOT NULL
      AND ($organization IS NULL OR list_contains($organization, m.organization_key))
      AND ($year IS NULL OR (m.start >= make_date($year, 1, 1) AND m.start < make_date($year + 1, 1, 1)))
    GROUP BY ALL
),
stated AS (           -- counts stated in prose ("fanden zwei Sitzungen ... statt")
    SELECT f.subject_key AS okey, f.year, max(f.number)::INTEGER AS n, list(DISTINCT s.source) AS src
    FROM fact f JOIN doc_source s ON s.document_key = f.document_key
    WHERE NOT f.deleted AND f.kind = 'session_count' AND f.qualifier = 'exact' AND f.year IS NOT NULL
      AND ($organization IS NULL OR list_contains($organization, f.subject_key))
      AND ($year IS NULL OR f.year = $year)
    GROUP BY ALL
),
dated AS (            -- dated meetings read from prose ("Am 7. Oktober 2019 fand die 40. ... statt")
    SELECT f.subject_key AS okey, year(f.date) AS year, count(DISTINCT f.date) AS n,
           list(DISTINCT s.source) AS src,
           list_sort(list(DISTINCT strftime(f.date, '%Y-%m-%d') || '|'
                          || coalesce(CAST(f.number::INTEGER AS VARCHAR) || '. am ', 'am ')
                          || strftime(f.date, '%d.%m.%Y'))) AS dated_keys,
           list(f.value ORDER BY f.date, f.start, f.value) FILTER (WHERE f.value IS NOT NULL) AS titles
    FROM fact f JOIN doc_source s ON s.document_key = f.document_key
    WHERE NOT f.deleted AND f.kind = 'meeting' AND f.date IS NOT NULL
      AND ($organization IS NULL OR list_contains($organization, f.subject_key))
      AND ($year IS NULL OR year(f.date) = $year)
    GROUP BY ALL
),
per_year AS (         -- rules ("zweimal jährlich", "bis zu fünfzehn Mal im Jahr")
    SELECT f.subject_key AS okey,
           string_agg(DISTINCT CAST(f.number::INTEGER AS VARCHAR) || ' ' || f.qualifier, ', '
                      ORDER BY CAST(f.number::INTEGER AS VARCHAR) || ' ' || f.qualifier) AS rule
    FROM fact f
    WHERE NOT f.deleted AND f.kind = 'session_count' AND f.qualifier IN ('per_year', 'upper_bound', 'at_least')
    GROUP BY ALL
),
years AS (
    SELECT okey, year FROM records UNION SELECT okey, year FROM stated UNION SELECT okey, year FROM dated
),
themes AS (
    SELECT t.organization_key AS okey, t.year, list(t.topic ORDER BY t.document_key, t.start, t.topic) AS topics,
           list(DISTINCT s.source) AS src
    FROM topic t JOIN doc_source s ON s.document_key = t.document_key
    WHERE NOT t.deleted AND ($organization IS NULL OR list_contains($organization, t.organization_key))
      AND ($year IS NULL OR t.year = $year OR t.year IS NULL)
    GROUP BY ALL
),
labels AS (SELECT code, label FROM theme_label),
agenda_themes AS (    -- agenda items on record grouped by policy area; procedural items (00) left out
    SELECT m.organization_key AS okey, year(m.start) AS year, coalesce(i.theme, p.theme) AS code,
           count(*) AS n
    FROM agenda_item i JOIN meeting m ON m.key = i.meeting_key
    LEFT JOIN paper p ON p.key = i.paper_key AND NOT p.deleted
    WHERE NOT i.deleted AND NOT m.deleted AND coalesce(i.theme, p.theme) <> '00'
      AND ($organization IS NULL OR list_contains($organization, m.organization_key))
      AND ($year IS NULL OR (m.start >= make_date($year, 1, 1) AND m.start < make_date($year + 1, 1, 1)))
    GROUP BY ALL
),
agenda AS (           -- the top five areas: "Räumliche Planung und Entwicklung (24 TOP)"
    SELECT a.okey, a.year,
           list(l.label || ' (' || a.n || ' TOP)' ORDER BY a.n DESC, l.label)[1:5] AS items
    FROM agenda_themes a JOIN labels l ON l.code = a.code
    GROUP BY ALL
),
answer AS (
SELECT o.name AS organization,
       o.council,
       y.year,
       coalesce(r.n, st.n, d.n) AS sessions,
       CASE WHEN r.n IS NOT NULL AND coalesce(st.n, d.n) IS NOT NULL THEN 'both'
            WHEN r.n IS NOT NULL THEN 'records' ELSE 'text' END AS basis,
       r.n AS on_record,
       coalesce(st.n, d.n) AS in_text,
       (r.n IS NOT NULL AND coalesce(st.n, d.n) IS NOT NULL AND r.n <> coalesce(st.n, d.n)) AS disagree,
       list_transform(d.dated_keys, x -> split_part(x, '|', 2)) AS meetings,
       py.rule AS rule,
       flatten([coalesce(tm.topics, []), coalesce(tn.topics, []), coalesce(d.titles, []),
                coalesce(a.items, [])]) AS all_themes,
       list_sort(list_distinct(flatten([coalesce(r.src, []), coalesce(st.src, []), coalesce(d.src, []),
                                        coalesce(tm.src, []), coalesce(tn.src, [])]))) AS sources,
       o.key AS _organization_key
FROM years y
JOIN orgs o ON o.key = y.okey
LEFT JOIN records r ON r.okey = y.okey AND r.year = y.year
LEFT JOIN stated st ON st.okey = y.okey AND st.year = y.year
LEFT JOIN dated d ON d.okey = y.okey AND d.year = y.year
LEFT JOIN per_year py ON py.okey = y.okey
LEFT JOIN themes tm ON tm.okey = y.okey AND tm.year = y.year
LEFT JOIN themes tn ON tn.okey = y.okey AND tn.year IS NULL
LEFT JOIN agenda a ON a.okey = y.okey AND a.year = y.year
WHERE ($year IS NULL OR y.year = $year)
)
SELECT organization, council, year, sessions, basis, on_record, in_text, disagree, meetings, rule,
       list_filter(all_themes, (x, i) -> x IS NOT NULL AND list_position(all_themes, x) = i) AS themes,  -- once each, in order
       sources, _organization_key
FROM answer
ORDER BY organization, council, year, _organization_key
