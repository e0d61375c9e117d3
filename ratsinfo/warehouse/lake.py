"""The lake: many councils' warehouses written at once by many workers, read as one.

Each council's crawl writes its own DuckDB file (the single-town warehouse, unchanged), then exports
every table to Parquet under ``data/<table>/council=<slug>/<generation>.parquet`` and commits by
replacing its manifest ``manifest/<slug>.json`` (a rename, atomic). No two writers touch one file, so
no lock or catalog is shared; a reader sees a council's last committed generation or the one before,
never half of one. Readers open an in-memory DuckDB with the warehouse's schema (its views and
macros) in which every table is a view over the manifests' files (``read_parquet`` with hive
partitioning); the session variable ``ratsinfo_council`` narrows every view to one council, so every
canned query and ``ask`` runs per council unchanged, and across councils as one row set per council.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq

from ratsinfo.errors import BadInput
from ratsinfo.warehouse.db import migrate, no_autoload

COUNCIL_VARIABLE = "ratsinfo_council"
SKIP = {"schema_version"}  # the reader makes its own


def council_slug(name: str) -> str:
    """A council's partition name: ASCII, lower case, words joined by '-' ("Stadt Mühlbach" → stadt-muehlbach)."""
    text = name.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "council"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                       "AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()
    return [r[0] for r in rows if r[0] not in SKIP]


def export_council(con: duckdb.DuckDBPyConnection, lake: Path, council: str, meta: dict[str, Any]) -> dict[str, Any]:
    """Write every table of one council's warehouse to the lake, then commit its manifest."""
    generation = uuid.uuid4().hex[:12]
    entry: dict[str, Any] = {"council": council, "generation": generation, **meta, "tables": {}}
    for table in tables(con):
        data = con.execute(f"SELECT * FROM {_ident(table)}").fetch_arrow_table()  # identifier quoted
        folder = lake / "data" / table / f"council={council}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{generation}.parquet"
        tmp = folder / f".{generation}.tmp"
        pq.write_table(data, tmp)
        os.replace(tmp, target)
        entry["tables"][table] = {"path": str(target.relative_to(lake)), "rows": data.num_rows,
                                  "bytes": target.stat().st_size}
    folder = lake / "manifest"
    folder.mkdir(parents=True, exist_ok=True)
    old = read_manifest(lake, council)
    if old:  # the generation before stays for readers still scanning it; the one before that goes
        entry["previous"] = old.get("tables", {})
    tmp = folder / f".{council}.{generation}.tmp"
    tmp.write_text(json.dumps(entry, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    os.replace(tmp, folder / f"{council}.json")
    for info in ((old or {}).get("previous") or {}).values():
        (lake / info["path"]).unlink(missing_ok=True)
    return entry


def read_manifest(lake: Path, council: str) -> dict[str, Any] | None:
    path = lake / "manifest" / f"{council}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def manifests(lake: Path) -> list[dict[str, Any]]:
    """Every committed council of the lake, by slug."""
    folder = lake / "manifest"
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            out.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise BadInput(f"{path}: not a readable manifest ({exc}); run the council's crawl again") from exc
    return out


@dataclass
class Lake:
    """A reader's connection over the lake, and the councils it holds."""

    con: duckdb.DuckDBPyConnection
    councils: list[str]
    titles: dict[str, str]

    def close(self) -> None:
        self.con.close()

    @contextmanager
    def council(self, slug: str | None) -> Iterator[duckdb.DuckDBPyConnection]:
        """Every view shows only ``slug``'s rows (all councils for None) while the block runs."""
        self.con.execute(f"SET VARIABLE {COUNCIL_VARIABLE} = ?", [slug])
        try:
            yield self.con
        finally:
            self.con.execute(f"SET VARIABLE {COUNCIL_VARIABLE} = NULL")

    def each(self, only: str | None = None) -> Iterator[tuple[str, duckdb.DuckDBPyConnection]]:
        """(slug, connection narrowed to it) for every council, or for ``only``."""
        if only is not None and only not in self.councils:
            shown = ", ".join(self.councils[:20]) + (" ..." if len(self.councils) > 20 else "")
            raise BadInput(f"council {only!r} is not in the lake (councils: {shown or 'none'})")
        for slug in [only] if only else self.councils:
            with self.council(slug) as con:
                yield slug, con


def connect_lake(lake: Path) -> Lake:
    """Open the lake for reading: the warehouse's schema, every table a view over its Parquet files."""
    found = manifests(lake)
    if not found:
        raise BadInput(f"{lake}: no council in this lake yet; run 'ratsinfo crawl' first or pass another --lake")
    con = duckdb.connect()
    no_autoload(con)
    con.execute("SET memory_limit = ?", [os.environ.get("RATSINFO_READ_MEMORY_LIMIT", "512MB")])
    migrate(con)
    con.execute(f"SET VARIABLE {COUNCIL_VARIABLE} = NULL")
    files: dict[str, list[str]] = {}
    for entry in found:
        for table, info in entry["tables"].items():
            files.setdefault(table, []).append(str((lake / info["path"]).resolve()))
    for table, paths in sorted(files.items()):
        con.execute(f"SET VARIABLE {_ident('lake_' + table)} = ?", [paths])
        con.execute(f"DROP TABLE IF EXISTS {_ident(table)}")
        con.execute(f"CREATE VIEW {_ident(table)} AS SELECT * EXCLUDE (council) FROM read_parquet("
                    f"getvariable('lake_{table}'), hive_partitioning = true, union_by_name = true) "
                    f"WHERE getvariable('{COUNCIL_VARIABLE}') IS NULL OR council = getvariable('{COUNCIL_VARIABLE}')")
    # like every reader: no other files, no network, settings locked
    con.execute("SET allowed_directories = ?", [[str(lake.resolve()) + os.sep]])
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return Lake(con, [e["council"] for e in found], {e["council"]: e.get("title") or e["council"] for e in found})
