-- Warehouse v1: sources, raw documents, papers with lineage, consultations, files,
-- questions and answers, bodies and organizations, meetings and agenda items, runs.
-- Every entity table has: key (stable), row_hash (content), first_run, last_run, deleted.

CREATE TABLE source (
    key VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, location VARCHAR NOT NULL, name VARCHAR,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE TABLE document (
    key VARCHAR PRIMARY KEY, source_key VARCHAR, url VARCHAR NOT NULL, origin VARCHAR,
    sha256 VARCHAR NOT NULL, size BIGINT, content_type VARCHAR, kind VARCHAR, encoding VARCHAR,
    fetched_at TIMESTAMP, http_status INTEGER, etag VARCHAR, last_modified VARCHAR,
    parse_status VARCHAR, parse_error VARCHAR, parser_version VARCHAR, text VARCHAR,
    is_current BOOLEAN DEFAULT true,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);
CREATE INDEX document_url ON document (url);

CREATE TABLE body (
    key VARCHAR PRIMARY KEY, name VARCHAR, source_url VARCHAR,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE TABLE organization (
    key VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR, parent_key VARCHAR,
    aliases VARCHAR[], abbreviation VARCHAR, body_key VARCHAR, source_url VARCHAR,
    document_key VARCHAR,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE TABLE person (
    key VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, role VARCHAR, organization_key VARCHAR,
    source_url VARCHAR, document_key VARCHAR,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE TABLE membership (
    key VARCHAR PRIMARY KEY, person_key VARCHAR, organization_key VARCHAR, role VARCHAR,
    start_date DATE, end_date DATE, source_url VARCHAR,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE TABLE meeting (
    key VARCHAR PRIMARY KEY, name VARCHAR, organization_key VARCHAR, start TIMESTAMP,
    "end" TIMESTAMP, number VARCHAR, location VARCHAR, public BOOLEAN, source_url VARCHAR,
    document_key VARCHAR,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE TABLE agenda_item (
    key VARCHAR PRIMARY KEY, meeting_key VARCHAR, number VARCHAR, name VARCHAR, public BOOLEAN,
    result VARCHAR, paper_key VARCHAR, source_url VARCHAR, document_key VARCHAR,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE TABLE paper (
    key VARCHAR PRIMARY KEY, reference VARCHAR NOT NULL, name VARCHAR, paper_type VARCHAR,
    date DATE, status VARCHAR, originator VARCHAR, under_direction_of VARCHAR,
    related_reference VARCHAR, occasion VARCHAR, text VARCHAR, sections VARCHAR,
    stub BOOLEAN DEFAULT false, source_url VARCHAR, document_key VARCHAR,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);
CREATE INDEX paper_reference ON paper (reference);

CREATE TABLE paper_relation (
    key VARCHAR PRIMARY KEY, subject_key VARCHAR NOT NULL, subject_reference VARCHAR,
    relation VARCHAR NOT NULL, target_reference VARCHAR, target_key VARCHAR, target_date DATE,
    asked_by VARCHAR, answered_by VARCHAR, source_url VARCHAR, document_key VARCHAR,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE TABLE consultation (
    key VARCHAR PRIMARY KEY, paper_key VARCHAR NOT NULL, organization_name VARCHAR,
    organization_key VARCHAR, meeting_key VARCHAR, meeting_name VARCHAR, date DATE,
    role VARCHAR, status VARCHAR, result VARCHAR, position INTEGER, source_url VARCHAR,
    document_key VARCHAR,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE TABLE file (
    key VARCHAR PRIMARY KEY, name VARCHAR, sha256 VARCHAR, mime_type VARCHAR, paper_key VARCHAR,
    meeting_key VARCHAR, pages INTEGER, text VARCHAR, access_url VARCHAR, source_url VARCHAR,
    document_key VARCHAR,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE TABLE question (
    key VARCHAR PRIMARY KEY, paper_key VARCHAR NOT NULL, number INTEGER, text VARCHAR,
    source_url VARCHAR, document_key VARCHAR, start INTEGER, "end" INTEGER,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE TABLE answer (
    key VARCHAR PRIMARY KEY, question_key VARCHAR NOT NULL, paper_key VARCHAR NOT NULL,
    number INTEGER, text VARCHAR, source_url VARCHAR, document_key VARCHAR, start INTEGER,
    "end" INTEGER,
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);

CREATE SEQUENCE run_id_seq START 1;
CREATE TABLE run (
    id BIGINT PRIMARY KEY DEFAULT nextval('run_id_seq'), command VARCHAR, source_key VARCHAR,
    started_at TIMESTAMP, finished_at TIMESTAMP, status VARCHAR, counts VARCHAR,
    inputs INTEGER DEFAULT 0, failed INTEGER DEFAULT 0
);

CREATE TABLE run_error (
    run_id BIGINT, "at" TIMESTAMP, input VARCHAR, stage VARCHAR, reason VARCHAR
);
