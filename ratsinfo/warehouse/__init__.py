"""The DuckDB warehouse: schema and migrations, bulk upserts, read-only access."""
