-- Extraction: every fact with its document and character span, themes per organization,
-- rules of procedure.

CREATE TABLE fact (
    key VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, subject VARCHAR, subject_key VARCHAR,
    value VARCHAR, number DOUBLE, year INTEGER, date DATE, qualifier VARCHAR,
    document_key VARCHAR, document VARCHAR, paper_key VARCHAR, start INTEGER, "end" INTEGER,
    text VARCHAR, method VARCHAR, detail VARCHAR,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);
CREATE INDEX fact_kind ON fact (kind);

CREATE TABLE topic (
    key VARCHAR PRIMARY KEY, organization_key VARCHAR, topic VARCHAR, year INTEGER,
    document_key VARCHAR, start INTEGER, "end" INTEGER,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE TABLE rule (
    key VARCHAR PRIMARY KEY, organization_key VARCHAR, rule VARCHAR, value VARCHAR, number DOUBLE,
    unit VARCHAR, text VARCHAR, document_key VARCHAR, start INTEGER, "end" INTEGER,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

ALTER TABLE meeting ADD COLUMN method VARCHAR;
