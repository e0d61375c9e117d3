"""Where things live: the warehouse file and the raw store, from options or environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True)
class Settings:
    db: Path
    home: Path
    quiet: bool = False
    verbose: bool = False
    lake: Path | None = None  # readers read this lake of councils (ratsinfo crawl) instead of the warehouse


def settings(db: str | None, home: str | None, quiet: bool = False, verbose: bool = False,
             lake: str | None = None) -> Settings:
    db_path = Path(db or os.environ.get("RATSINFO_DB") or "ratsinfo.duckdb")
    home_path = Path(home or os.environ.get("RATSINFO_HOME") or (db_path.parent / ".ratsinfo"))
    lake_dir = lake or os.environ.get("RATSINFO_LAKE")
    return Settings(db=db_path, home=home_path, quiet=quiet, verbose=verbose, lake=Path(lake_dir) if lake_dir else None)
