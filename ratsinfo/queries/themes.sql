-- name: themes
-- answers: on which themes an organization sat in a year: per policy area the agenda items, the sessions that treated it and three examples with sources
-- param: organization ORGANIZATION: a name, alias, abbreviation or inflected form
-- param: year INTEGER: the calendar year
-- param: council VARCHAR optional: the council (town, district) whose bodies are meant, e.g. Musterstadt
WITH labels AS (SELECT code, label FROM theme_label),
orgs AS (
    SELECT o.key, o.name FROM organization o JOIN organization_council c ON c.key = o.key
    WHERE NOT o.deleted AND list_contains($organization, o.key)
      AND ($council IS NULL OR council_matches(c.council, $council))
),
items AS (
    SELECT m.organization_key AS okey, m.key AS meeting_key, i.key, coalesce(i.name, p.name) AS title,
           coalesce(i.theme, p.theme) AS theme, coalesce(i.theme_confidence, p.theme_confidence) AS confidence,
           coalesce(s.source, i.source_url, m.source_url) AS source
    FROM agenda_item i
    JOIN meeting m ON m.key = i.meeting_key
    LEFT JOIN paper p ON p.key = i.paper_key AND NOT p.deleted
    LEFT JOIN doc_source s ON s.document_key = i.document_key
    WHERE NOT i.deleted AND NOT m.deleted AND m.start IS NOT NULL
      AND m.organization_key IN (SELECT key FROM orgs)
      AND m.start >= make_date($year, 1, 1) AND m.start < make_date($year + 1, 1, 1)
),
totals AS (
    SELECT okey, count(DISTINCT meeting_key) AS sessions_total,
           count(*) FILTER (WHERE theme = '00') AS procedural_items,
           count(*) FILTER (WHERE theme IS NULL) AS unclassified_items
    FROM items GROUP BY okey
),
ranked AS (           -- one row per title and theme, the surest first, for the examples
    SELECT okey, theme, title, source, confidence,
           row_number() OVER (PARTITION BY okey, theme ORDER BY confidence DESC NULLS LAST, title) AS rank
    FROM (SELECT okey, theme, title, max(source) AS source, max(confidence) AS confidence
          FROM items WHERE theme IS NOT NULL AND theme <> '00' GROUP BY ALL)
)
SELECT o.name AS organization,
       $year AS year,
       t.sessions_total,
       i.theme,
       l.label,
       count(*) AS items,
       count(DISTINCT i.meeting_key) AS sessions,
       (SELECT list({'title': r.title, 'source': r.source} ORDER BY r.rank) FROM ranked r
        WHERE r.okey = i.okey AND r.theme = i.theme AND r.rank <= 3) AS examples,
       t.procedural_items,
       t.unclassified_items
FROM items i
JOIN orgs o ON o.key = i.okey
JOIN totals t ON t.okey = i.okey
JOIN labels l ON l.code = i.theme
GROUP BY o.name, i.okey, i.theme, l.label, t.sessions_total, t.procedural_items, t.unclassified_items
ORDER BY o.name, items DESC, sessions DESC, i.theme
