-- The change log: every record a run inserts, updates (field by field) or soft-deletes.
CREATE TABLE change (
    run_id BIGINT, table_name VARCHAR, key VARCHAR, field VARCHAR, old_value VARCHAR, new_value VARCHAR,
    change VARCHAR  -- inserted | updated | deleted
);
CREATE INDEX change_run ON change (run_id);
