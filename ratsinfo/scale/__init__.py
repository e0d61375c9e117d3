"""National scale: crawls fanned out over a Dask cluster, politeness held per host across every
worker, each council's results written to its own partition of a Parquet lake (warehouse/lake.py)."""
