-- The demo's papers: reference, title, type and lead office.
SELECT reference, name, paper_type, under_direction_of AS federfuehrend
FROM paper WHERE NOT stub AND NOT deleted ORDER BY reference
