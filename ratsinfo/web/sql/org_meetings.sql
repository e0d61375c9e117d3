-- Meetings of a body, newest first (also the iCalendar feed).
SELECT key, name, number, start, "end", location, cancelled, public, first_run
FROM meeting WHERE organization_key = $key AND NOT deleted
ORDER BY start DESC NULLS LAST, key
LIMIT $limit
