-- The last runs, for the changes page.
SELECT id, command, source_key, started_at, finished_at, status, inputs, failed FROM run
ORDER BY id DESC LIMIT 20
