-- Whether each inquiry is answered, by what and when, and who asked: derived after every run from
-- papers, relations, files and meeting results (ratsinfo.pipeline.inquiries), one row per inquiry.
-- A file's own date (OParl File.date, else created) dates a statement filed with the inquiry.
ALTER TABLE file ADD COLUMN date DATE;

CREATE TABLE inquiry_answer (
    key VARCHAR PRIMARY KEY,      -- the inquiry's paper key
    reference VARCHAR,
    status VARCHAR NOT NULL,      -- answered | open
    answer VARCHAR,               -- the answer paper's reference, the statement file's name, or the result
    answered_how VARCHAR,         -- paper | file | meeting
    answer_key VARCHAR,           -- the paper, file or agenda item/consultation the answer was read from
    answered_on DATE,
    answered_by VARCHAR,
    answered_in VARCHAR,          -- the meeting of an oral answer
    asked_by VARCHAR,
    asked_by_from VARCHAR,        -- relation | originator | title | file | text
    row_hash VARCHAR, first_run BIGINT, last_run BIGINT, deleted BOOLEAN DEFAULT false
);
