-- Files of a paper with their text.
SELECT f.key, f.name, f.mime_type, f.pages, f.text, f.access_url, f.download_status, f.document_key
FROM file f WHERE f.paper_key = $key AND NOT f.deleted
ORDER BY f.name, f.key
