-- The last runs, newest first.
SELECT id AS run, command, source_key AS source, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started,
       status, inputs, failed
FROM run ORDER BY id DESC LIMIT ?
