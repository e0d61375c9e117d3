-- Secondary indexes that no statement uses for a point lookup: DuckDB answers these filters and joins
-- by scanning with zone maps (run ids only grow, so `change` prunes by run_id without an index), while
-- every index is kept up to date on each insert (the paper index alone cost a quarter of a load).
-- The key indexes (PRIMARY KEY) and document(url), looked up one by one for conditional GETs, stay.
DROP INDEX IF EXISTS paper_reference;
DROP INDEX IF EXISTS fact_kind;
DROP INDEX IF EXISTS change_run;
