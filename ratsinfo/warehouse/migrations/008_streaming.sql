-- Streaming, order-independent loads: a list's incremental mode (e.g. 'backward' for servers whose
-- modification times are useless), and consultation positions that only the embedding paper sets.
ALTER TABLE watermark ADD COLUMN mode VARCHAR;
