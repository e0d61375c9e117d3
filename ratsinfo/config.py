"""Where things live (the warehouse file, the raw store, the cache folder) and the writers' limits, from options or
environment."""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
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


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMGT]?i?B?)\s*$", re.I)
_UNITS = {"": 1, "b": 1, "k": 1e3, "kb": 1e3, "kib": 2**10, "m": 1e6, "mb": 1e6, "mib": 2**20, "g": 1e9, "gb": 1e9,
          "gib": 2**30, "t": 1e12, "tb": 1e12, "tib": 2**40}


def cache_dir() -> Path:
    """Where derived files are kept between processes (any process may rebuild them): RATSINFO_CACHE_DIR, else
    the user's cache folder."""
    given = os.environ.get("RATSINFO_CACHE_DIR")
    if given:
        return Path(given)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ratsinfo"


def keep_in_cache(kept: Path, write: Callable[[Path], object]) -> bool:
    """Write a derived file into the cache folder whole or not at all: ``write`` makes it under a name of this
    process's own, which then replaces ``kept`` at once, whichever process gets there first. False when the folder
    cannot be written (the caller goes on without the file); what ``write`` left beside its name is removed."""
    tmp = kept.with_name(f"{kept.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        write(tmp)
        os.replace(tmp, kept)
        return True
    except OSError:
        return False
    finally:
        for left in (tmp, Path(f"{tmp}.wal")):  # a database file's log beside it
            with contextlib.suppress(OSError):
                left.unlink()


def duckdb_threads() -> int | None:
    """The writer's DuckDB threads: RATSINFO_THREADS, else DuckDB's own choice (one per core). A machine that
    runs several writers at once (parallel tests, several crawls) gets more from one thread each."""
    given = os.environ.get("RATSINFO_THREADS", "").strip()
    return int(given) if given.isdigit() and int(given) > 0 else None


def memory_limit() -> str:
    """The writer's DuckDB memory limit: RATSINFO_MEMORY_LIMIT, else 256 MB. With 384 MB, an ingest of ten
    times the generated city peaked at 590 MB of RSS (DuckDB's buffers on top of the interpreter, its
    libraries and the load's Python side), with 256 MB at 550 MB, for the same CPU time; beyond the limit
    DuckDB spills to disk."""
    return os.environ.get("RATSINFO_MEMORY_LIMIT", "256MB")


def size_bytes(said: str) -> int | None:
    """Bytes of a size as DuckDB reads it ("256MB", "1.5GiB"); None for a form this does not read."""
    m = _SIZE.match(said or "")
    if not m or m.group(2).lower() not in _UNITS:
        return None
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])
