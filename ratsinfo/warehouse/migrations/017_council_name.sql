-- Councils shown by name, not by the slug in a key: the name read in the document's head
-- (organization.council_name), else the source's or OParl body's name when its slug is the key's,
-- else the slug. Matching (council_matches) works on names and slugs alike.
ALTER TABLE organization ADD COLUMN council_name VARCHAR;
CREATE OR REPLACE MACRO council_matches(have, want) AS have IS NOT NULL AND (
    council_slug(have) = regexp_replace(council_slug(want),
        '^(landeshauptstadt|hansestadt|kreisstadt|universitaetsstadt|stadt|gemeinde|markt|marktgemeinde)-', '')
    OR council_slug(have) = council_slug(want)
    OR council_slug(have) LIKE '%-' || regexp_replace(council_slug(want),
        '^(landeshauptstadt|hansestadt|kreisstadt|universitaetsstadt|stadt|gemeinde|markt|marktgemeinde)-', '')
    OR council_slug(have) LIKE '%-' || regexp_replace(council_slug(want),
        '^(landeshauptstadt|hansestadt|kreisstadt|universitaetsstadt|stadt|gemeinde|markt|marktgemeinde)-', '') || '-%');
CREATE OR REPLACE VIEW organization_council AS
WITH o AS (
    SELECT o.key, o.council_name, b.name AS body_name, s.name AS source_name,
           CASE WHEN o.key LIKE 'org:%:%' AND split_part(o.key, ':', 2) NOT IN ('', 'local')
                THEN split_part(o.key, ':', 2) END AS slug
    FROM organization o
    LEFT JOIN body b ON b.key = o.body_key
    LEFT JOIN document d ON d.key = o.document_key
    LEFT JOIN source s ON s.key = d.source_key
)
SELECT key,
       CASE WHEN slug IS NULL THEN coalesce(body_name, source_name)
            ELSE coalesce(council_name,
                          CASE WHEN council_slug(source_name) = council_slug(slug) THEN source_name END,
                          CASE WHEN council_slug(body_name) = council_slug(slug) THEN body_name END,
                          slug) END AS council
FROM o;
