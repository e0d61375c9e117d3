-- The failures of the last run that had any.
SELECT input, stage, reason FROM run_error
WHERE run_id = (SELECT max(run_id) FROM run_error) ORDER BY "at", input LIMIT ?
