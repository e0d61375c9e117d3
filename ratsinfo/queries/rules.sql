-- name: rules
-- answers: the rules of procedure of an organization, and whether the meetings on record meet them
-- param: organization ORGANIZATION: a name, alias, abbreviation or inflected form
-- param: council VARCHAR optional: the council (town, district) whose bodies are meant, e.g. Musterstadt
WITH held AS (        -- meetings per year: on record, else dated in prose
    SELECT okey, year, max(n)::INTEGER AS n FROM (
        SELECT m.organization_key AS okey, year(m.start) AS year, count(*) AS n
        FROM meeting m WHERE NOT m.deleted AND m.start IS NOT NULL GROUP BY ALL
        UNION ALL
        SELECT f.subject_key, f.year, max(f.number) FROM fact f
        WHERE NOT f.deleted AND f.kind = 'session_count' AND f.qualifier = 'exact' AND f.year IS NOT NULL
        GROUP BY ALL
    ) GROUP BY ALL
),
checked AS (
    SELECT r.key,
           string_agg(h.year || ': ' || h.n, ', ' ORDER BY h.year) AS meetings_per_year,
           bool_and(CASE WHEN r.value LIKE '%upper_bound%' THEN h.n <= r.number ELSE h.n >= r.number END) AS met
    FROM rule r JOIN held h ON h.okey = r.organization_key
    WHERE r.rule = 'meeting_frequency'
    GROUP BY r.key
)
SELECT o.name AS organization,
       oc.council,
       r.rule,
       r.value,
       r.number,
       r.unit,
       CASE WHEN r.rule <> 'meeting_frequency' THEN NULL
            ELSE coalesce(c.meetings_per_year, 'no meetings on record') END AS meetings_on_record,
       c.met AS rule_met,
       r.text,
       s.source
FROM rule r
JOIN organization o ON o.key = r.organization_key
JOIN organization_council oc ON oc.key = o.key
LEFT JOIN checked c ON c.key = r.key
LEFT JOIN doc_source s ON s.document_key = r.document_key
WHERE NOT r.deleted AND list_contains($organization, r.organization_key)
  AND ($council IS NULL OR council_matches(oc.council, $council))
ORDER BY o.name, oc.council, r.start
