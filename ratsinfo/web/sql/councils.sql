-- Councils: OParl bodies, and every other source (an ALLRIS site, an exported folder) as its own council.
SELECT b.key, b.name FROM body b WHERE NOT b.deleted
UNION ALL
SELECT s.key, coalesce(s.name, s.location) FROM source s WHERE NOT s.deleted AND s.kind <> 'oparl'
ORDER BY 2
