-- Paper types present, for the search filter.
SELECT paper_type, count(*) AS n FROM paper
WHERE NOT deleted AND NOT stub AND paper_type IS NOT NULL GROUP BY paper_type ORDER BY n DESC, paper_type
