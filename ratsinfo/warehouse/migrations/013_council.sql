-- The council every organization and paper belongs to, for queries that must never answer from
-- another council: the slug in a text-read organization's key (org:<council>:<name>), else the
-- OParl body, else the name of the source it was read from (--body of a folder, --name of a system).
CREATE MACRO council_slug(t) AS trim(regexp_replace(
    replace(replace(replace(replace(lower(t), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
    '[^a-z0-9]+', '-', 'g'), '-');
-- "Musterstadt", "Stadt Musterstadt", "musterstadt" all mean the council keyed musterstadt (or a
-- council whose name ends in it: "stadtrat-musterstadt", "stadt-musterstadt").
CREATE MACRO council_matches(have, want) AS have IS NOT NULL AND (
    council_slug(have) = regexp_replace(council_slug(want),
        '^(landeshauptstadt|hansestadt|kreisstadt|universitaetsstadt|stadt|gemeinde|markt|marktgemeinde)-', '')
    OR council_slug(have) = council_slug(want)
    OR council_slug(have) LIKE '%-' || regexp_replace(council_slug(want),
        '^(landeshauptstadt|hansestadt|kreisstadt|universitaetsstadt|stadt|gemeinde|markt|marktgemeinde)-', ''));
CREATE VIEW organization_council AS
SELECT o.key,
       CASE WHEN o.key LIKE 'org:%:%' AND split_part(o.key, ':', 2) NOT IN ('', 'local')
            THEN split_part(o.key, ':', 2) ELSE coalesce(b.name, s.name) END AS council
FROM organization o
LEFT JOIN body b ON b.key = o.body_key
LEFT JOIN document d ON d.key = o.document_key
LEFT JOIN source s ON s.key = d.source_key;
CREATE VIEW paper_council AS
SELECT p.key, coalesce(b.name, s.name) AS council
FROM paper p
LEFT JOIN body b ON b.key = p.body_key
LEFT JOIN document d ON d.key = p.document_key
LEFT JOIN source s ON s.key = d.source_key;
