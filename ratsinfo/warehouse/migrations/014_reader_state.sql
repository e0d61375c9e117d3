-- Whether the full-text index lags behind the records: set in the same transaction as any record
-- change, cleared once the index is rebuilt. A run killed between its last load and the rebuild
-- leaves it set, so the next run rebuilds the index even when that run changes nothing itself.
CREATE TABLE reader_state (index_stale BOOLEAN NOT NULL);
INSERT INTO reader_state VALUES (true);
