-- Rows per warehouse table (live rows, soft-deleted ones apart).
SELECT 'document' AS "table", count(*) FILTER (WHERE is_current) AS rows, count(*) FILTER (WHERE NOT is_current) AS older_versions FROM document
UNION ALL SELECT 'paper', count(*) FILTER (WHERE NOT deleted), count(*) FILTER (WHERE deleted) FROM paper
UNION ALL SELECT 'paper_relation', count(*) FILTER (WHERE NOT deleted), count(*) FILTER (WHERE deleted) FROM paper_relation
UNION ALL SELECT 'consultation', count(*) FILTER (WHERE NOT deleted), count(*) FILTER (WHERE deleted) FROM consultation
UNION ALL SELECT 'file', count(*) FILTER (WHERE NOT deleted), count(*) FILTER (WHERE deleted) FROM file
UNION ALL SELECT 'question', count(*) FILTER (WHERE NOT deleted), count(*) FILTER (WHERE deleted) FROM question
UNION ALL SELECT 'answer', count(*) FILTER (WHERE NOT deleted), count(*) FILTER (WHERE deleted) FROM answer
UNION ALL SELECT 'organization', count(*) FILTER (WHERE NOT deleted), count(*) FILTER (WHERE deleted) FROM organization
UNION ALL SELECT 'meeting', count(*) FILTER (WHERE NOT deleted), count(*) FILTER (WHERE deleted) FROM meeting
