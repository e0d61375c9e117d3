-- Members of a body with their role and dates.
SELECT p.name, m.role, m.start_date, m.end_date
FROM membership m JOIN person p ON p.key = m.person_key
WHERE m.organization_key = $key AND NOT m.deleted
ORDER BY m.end_date NULLS FIRST, p.name
