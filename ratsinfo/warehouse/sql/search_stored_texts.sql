-- What a hit of search_ranked.sql shows, by key (the key's index answers it; a join would read every text).
SELECT key, type, reference, title, text, year, source FROM search_doc WHERE key = ANY($keys)
