"""Health of each source for `ratsinfo status`: last success, last failure, and whether it has
gone stale (its last runs all failed, or nothing new arrived for longer than its period)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from ratsinfo.ops.sources import SourceConfig, source_key
from ratsinfo.warehouse import reads

FAILED_RUNS_FOR_STALE = 3
ENTITY_TABLES = {"paper", "meeting", "agenda_item", "organization", "person", "membership", "consultation", "file",
                 "question", "answer", "fact", "topic", "rule", "paper_relation", "body"}


@dataclass
class Health:
    source: str
    source_key: str
    last_success: datetime | None
    last_failure: datetime | None
    last_new: datetime | None
    runs: int
    stale: bool
    reason: str


def source_health(con: duckdb.DuckDBPyConnection, configs: list[SourceConfig] | None = None,
                  now: datetime | None = None) -> list[Health]:
    now = now or datetime.now()
    periods = {source_key(c): (c.name, c.stale_after_days) for c in (configs or [])}
    keys = reads.run_sources(con)
    for k in periods:
        if k not in keys:
            keys.append(k)
    out = []
    for key in keys:
        rows = reads.finished_runs(con, key)
        if key in periods:
            name, days = periods[key]
        else:
            name, days = reads.source_name(con, key) or key, 7
        last_success = next((r[0] for r in rows if r[1] == "ok"), None)
        last_failure = next((r[0] for r in rows if r[1] in ("failed", "partial")), None)
        last_new = None
        for started, _status, counts in rows:
            c = json.loads(counts or "{}")
            if any(v.get("inserted") or v.get("updated") or v.get("deleted") for t, v in c.items()
                   if t in ENTITY_TABLES):
                last_new = started
                break
        stale, reason = False, "fine"
        recent = [r[1] for r in rows[:FAILED_RUNS_FOR_STALE]]
        if not rows:
            stale, reason = True, "never run"
        elif len(recent) == FAILED_RUNS_FOR_STALE and all(s == "failed" for s in recent):
            stale, reason = True, f"the last {FAILED_RUNS_FOR_STALE} runs failed"
        elif last_new is None or now - last_new > timedelta(days=days):
            first = rows[-1][0]
            since = last_new or first
            if now - since > timedelta(days=days):
                stale, reason = True, f"nothing new for {(now - since).days} days (period {days})"
        out.append(Health(name, key, last_success, last_failure, last_new, len(rows), stale, reason))
    return out
