-- doc_source becomes a table, refilled after every ingest that changed anything: queries join it
-- often, and a view over 100,000 documents cost each of them a grouping.
DROP VIEW doc_source;
CREATE TABLE doc_source (document_key VARCHAR PRIMARY KEY, source VARCHAR);
