-- Incremental OParl ingest: one watermark per source, body and list; papers and meetings keep
-- the OParl id they came from, organizations their OParl kind.

CREATE TABLE watermark (
    source_key VARCHAR, body VARCHAR, list VARCHAR, modified_until TIMESTAMP, updated_at TIMESTAMP,
    PRIMARY KEY (source_key, body, list)
);

ALTER TABLE paper ADD COLUMN body_key VARCHAR;
ALTER TABLE meeting ADD COLUMN cancelled BOOLEAN;
ALTER TABLE agenda_item ADD COLUMN position INTEGER;
ALTER TABLE file ADD COLUMN size BIGINT;
ALTER TABLE file ADD COLUMN download_status VARCHAR;
ALTER TABLE person ADD COLUMN body_key VARCHAR;
