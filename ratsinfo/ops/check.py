"""`ratsinfo sources check`: is each source reachable, of the kind it claims, and what would a
refresh do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ratsinfo.errors import ParseError
from ratsinfo.ops.sources import SourceConfig, source_key
from ratsinfo.parsers import limits
from ratsinfo.warehouse import reads


def check(cfg: SourceConfig, db: Path) -> dict[str, Any]:
    out: dict[str, Any] = {"name": cfg.name, "reachable": False, "detected": "", "would_do": ""}
    if cfg.kind == "files":
        p = Path(cfg.path or "")
        out["reachable"] = p.exists()
        n = sum(1 for f in p.rglob("*") if f.is_file()) if p.is_dir() else int(p.is_file())
        out["detected"] = f"folder with {n} files" if p.is_dir() else ("file" if p.is_file() else "missing")
        out["would_do"] = f"read {n} files, parse only new or changed ones" if p.exists() else "nothing (missing)"
        return out
    from ratsinfo.ingest.http import FetchFailed, PoliteClient, Refused, host_of

    client = PoliteClient({host_of(cfg.url or ""), *cfg.allow_hosts}, max_rps=cfg.max_rps, timeout=15, retries=1)
    try:
        resp = client.get(cfg.url or "")
        out["reachable"] = resp.status < 400
        body = resp.content[:200_000]
        try:
            value = limits.loads(body)
            t = str(value.get("type", "")) if isinstance(value, dict) else ""
            out["detected"] = f"OParl {t.rsplit('/', 1)[-1]}" if "oparl" in t.lower() else "JSON, not OParl"
        except ParseError:
            text = body.decode("latin-1", errors="replace")
            out["detected"] = "ALLRIS site" if "ALLRIS" in text or "allris" in text else f"HTTP {resp.status}, HTML"
    except (FetchFailed, Refused) as exc:
        out["detected"] = str(exc)
    finally:
        client.close()
    out["would_do"] = _plan(cfg, db)
    return out


def _plan(cfg: SourceConfig, db: Path) -> str:
    if not Path(db).exists():
        return "a first full read"
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        if cfg.kind == "oparl":
            rows = reads.watermarks(con, source_key(cfg))
            if not rows:
                return "a first full read"
            return "read changes since " + ", ".join(f"{name} {m:%Y-%m-%d} − 72 h" for name, m in rows)
        n = reads.document_count(con, source_key(cfg))
        return "a first full read" if n == 0 else "re-read the last three months and later, open papers, new pages"
    finally:
        con.close()
