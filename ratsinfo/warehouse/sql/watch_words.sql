-- Which of the papers contain every word of a search, on German stems (the stemmer the search index
-- uses, accents stripped, lower case): title, text and the text of their files. A word also matches
-- the start of a longer stem, so that "Radverkehr" finds "Radverkehrskonzept". Parameters: $keys, $words.
WITH doc AS (
    SELECT p.key, concat_ws(' ', p.reference, p.name, p.text, string_agg(f.text, ' ')) AS t
    FROM paper p LEFT JOIN file f ON f.paper_key = p.key AND NOT f.deleted
    WHERE list_contains($keys, p.key)
    GROUP BY p.key, p.reference, p.name, p.text
),
tok AS (
    SELECT key, list_distinct(list_transform(
               list_filter(regexp_split_to_array(lower(strip_accents(t)), '[^a-z0-9ß]+'), w -> w <> ''),
               w -> stem(w, 'german'))) AS stems
    FROM doc
),
q AS (
    SELECT list_distinct(list_transform(
               list_filter(regexp_split_to_array(lower(strip_accents($words)), '[^a-z0-9ß]+'), w -> w <> ''),
               w -> stem(w, 'german'))) AS wanted
)
SELECT tok.key FROM tok, q
WHERE len(q.wanted) > 0
  AND list_bool_and(list_transform(q.wanted, s -> len(list_filter(tok.stems, w -> starts_with(w, s))) > 0))
ORDER BY tok.key
