-- How the text of a PDF was read: from its text layer, by OCR (a scan), or both (some pages scanned).
ALTER TABLE document ADD COLUMN text_method VARCHAR;
ALTER TABLE file ADD COLUMN text_method VARCHAR;
