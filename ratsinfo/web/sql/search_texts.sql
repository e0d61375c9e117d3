-- The texts of one page of hits, by key (the key's index answers it; a join would read every text).
SELECT key, text FROM search_doc WHERE key = ANY($keys)
