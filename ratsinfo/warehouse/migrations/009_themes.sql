-- Policy area (Kommunaler Produktrahmen code, "00" for procedural items) of every agenda item and
-- paper, its runner-up and the classifier's confidence; filled by ratsinfo.themes.classify_many.
ALTER TABLE agenda_item ADD COLUMN theme VARCHAR;
ALTER TABLE agenda_item ADD COLUMN theme2 VARCHAR;
ALTER TABLE agenda_item ADD COLUMN theme_confidence DOUBLE;
ALTER TABLE paper ADD COLUMN theme VARCHAR;
ALTER TABLE paper ADD COLUMN theme2 VARCHAR;
ALTER TABLE paper ADD COLUMN theme_confidence DOUBLE;
