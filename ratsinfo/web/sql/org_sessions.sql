-- Sessions per year of a body: meetings on record, and counts stated in prose where no record exists.
WITH rec AS (
    SELECT year(start) AS year, count(*) AS n FROM meeting
    WHERE organization_key = $key AND NOT deleted AND start IS NOT NULL AND NOT coalesce(cancelled, false)
    GROUP BY 1
), txt AS (
    SELECT year, max(number)::INTEGER AS n FROM fact
    WHERE subject_key = $key AND NOT deleted AND kind = 'session_count' AND qualifier = 'exact' AND year IS NOT NULL
    GROUP BY 1
)
SELECT coalesce(r.year, t.year) AS year, coalesce(r.n, t.n) AS sessions,
       CASE WHEN r.n IS NULL THEN 'text' ELSE 'records' END AS basis
FROM rec r FULL JOIN txt t ON t.year = r.year
ORDER BY 1
