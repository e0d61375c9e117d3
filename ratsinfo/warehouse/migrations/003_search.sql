-- Full-text search: one row per searchable text (paper, answer, file, agenda item), rebuilt
-- with DuckDB's fts index (German stemmer) after every ingest that changed something.

CREATE TABLE search_doc (
    key VARCHAR PRIMARY KEY, type VARCHAR, reference VARCHAR, title VARCHAR, text VARCHAR,
    year INTEGER, source VARCHAR, paper_key VARCHAR
);

CREATE TABLE search_stopword (sw VARCHAR);
