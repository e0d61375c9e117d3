"""The nightly refresh: every enabled source incrementally, one lock per warehouse, each source
on its own so that one failing source does not stop the others, a JSON summary per refresh.

Exit codes (for cron): 0 all sources fine, 2 some sources failed or could not read everything,
3 another refresh holds the lock, 4 every source failed.
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ratsinfo.errors import RatsinfoError
from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.ops.sources import SourceConfig, source_key
from ratsinfo.watches.settings import MailSettings
from ratsinfo.watches.settings import load as load_mail

EXIT_OK, EXIT_PARTIAL, EXIT_LOCKED, EXIT_ALL_FAILED = 0, 2, 3, 4


class LockHeld(RatsinfoError):
    exit_code = EXIT_LOCKED


@dataclass
class SourceOutcome:
    name: str
    kind: str
    status: str  # ok | partial | failed
    run_id: int | None
    seconds: float
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


class Lock:
    """An exclusive, non-blocking lock beside the warehouse; the kernel drops it when we die."""

    def __init__(self, db: Path) -> None:
        self.path = Path(str(db) + ".lock")
        self.fh = None

    def __enter__(self) -> Lock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            self.fh.seek(0)
            holder = self.fh.read().strip() or "another process"
            self.fh.close()
            raise LockHeld(f"{self.path}: a refresh is already running ({holder}); this one stops") from exc
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(f"pid {os.getpid()} since {datetime.now().isoformat(timespec='seconds')}")
        self.fh.flush()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fh:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()


def run_source(con: Any, store: RawStore, cfg: SourceConfig, **cluster: Any) -> Any:
    """One source into the warehouse ``con``; ``cluster``: gate, readers, pdf_workers (ratsinfo/scale/crawl.py)."""
    from ratsinfo import pipeline

    guard = {"private_hosts": tuple(cfg.private_hosts), "time_budget": cfg.time_budget, **cluster}
    if cfg.kind == "oparl":
        return pipeline.ingest_oparl(con, store, cfg.url or "", files=cfg.files, max_rps=cfg.max_rps,
                                     concurrency=cfg.concurrency, allow_hosts=tuple(cfg.allow_hosts), name=cfg.name,
                                     **guard)
    if cfg.kind == "allris":
        return pipeline.ingest_allris(con, store, cfg.url or "", files=cfg.files, max_rps=cfg.max_rps,
                                      concurrency=cfg.concurrency, allow_hosts=tuple(cfg.allow_hosts), name=cfg.name,
                                      **guard)
    return pipeline.ingest_files(con, store, [cfg.path or ""], body=cfg.body, name=cfg.name,  # no network
                                 readers=cluster.get("readers", True))


def refresh(db: Path, home: Path, sources: list[SourceConfig], *, only: str | None = None,
            log: Callable[[dict], None] | None = None, mail: MailSettings | None = None,
            ) -> tuple[int, list[SourceOutcome], Path]:
    """Refresh the sources, then send the watches' digests; returns (exit code, outcomes, summary file).

    ``mail``: where digests go (default: the environment, else .eml files in ``home``/outbox).
    """
    from ratsinfo.pipeline.common import update_readers
    from ratsinfo.warehouse.db import connect, publish
    from ratsinfo.warehouse.search import SearchUnavailable

    chosen = [s for s in sources if s.enabled and (only is None or s.name == only)]
    if only is not None and not chosen:
        names = ", ".join(s.name for s in sources) or "none"
        raise RatsinfoError(f"no enabled source named {only!r}; the sources are: {names}")
    log = log or (lambda event: None)
    outcomes: list[SourceOutcome] = []
    started = datetime.now()
    watches: dict | None = None
    with Lock(db):
        con = connect(db)
        store = RawStore(home)
        try:
            for cfg in chosen:
                log({"event": "source_started", "source": cfg.name, "kind": cfg.kind})
                t0 = time.perf_counter()
                try:
                    run = run_source(con, store, cfg, readers=False)  # index and snapshot once, at the end
                    status = run.status
                    outcome = SourceOutcome(cfg.name, cfg.kind, status, run.id, time.perf_counter() - t0,
                                            {t: dict(c) for t, c in run.counts.items()},
                                            [f"{i}: {r}" for i, _s, r in run.errors[:100]])
                except Exception as exc:  # one source's failure never stops the others
                    outcome = SourceOutcome(cfg.name, cfg.kind, "failed", _failed_run(con, cfg, exc),
                                            time.perf_counter() - t0, errors=[f"{type(exc).__name__}: {exc}"])
                outcomes.append(outcome)
                log({"event": "source_finished", "source": cfg.name, "status": outcome.status,
                     "seconds": round(outcome.seconds, 2), "errors": len(outcome.errors)})
            try:
                update_readers(con, changed=False)  # the index knows itself whether records changed
            except SearchUnavailable as exc:
                log({"event": "search_index_failed", "reason": str(exc)})
            publish(con)
            watches = notify(con, mail, home, log)
        finally:
            con.close()
    failed = [o for o in outcomes if o.status != "ok"]
    code = EXIT_OK if not failed else EXIT_ALL_FAILED if all(o.status == "failed" for o in outcomes) \
        else EXIT_PARTIAL
    summary = write_summary(home, started, outcomes, code, watches)
    log({"event": "refresh_finished", "exit_code": code, "summary": str(summary)})
    return code, outcomes, summary


def _failed_run(con: Any, cfg: SourceConfig, exc: Exception) -> int | None:
    """A source that failed as a whole still gets a run record and its reason."""
    from ratsinfo.warehouse.runs import fail_source

    return fail_source(con, f"refresh {cfg.kind}", source_key(cfg), cfg.location,
                       f"{type(exc).__name__}: {exc}".splitlines()[0])


def notify(con: Any, mail: MailSettings | None, home: Path, log: Callable[[dict], None]) -> dict:
    """Send the digests of what the runs changed (and what earlier sends left); a failure here is
    reported, never fails the refresh, and its items are retried by the next one."""
    from ratsinfo.watches.send import deliver

    try:
        report = deliver(con, mail or load_mail(None, home))
    except Exception as exc:  # the data is in; mail must not turn a good refresh into a failed one
        out = {"sent": 0, "failed": [f"{type(exc).__name__}: {exc}".splitlines()[0]], "unsure": 0}
    else:
        out = {"sent": len(report.sent), "failed": [f"{a}: {r}" for a, r in report.failed],
               "unsure": len(report.unsure)}
    if out["sent"] or out["failed"] or out["unsure"]:
        log({"event": "watches_sent", **out})
    return out


def write_summary(home: Path, started: datetime, outcomes: list[SourceOutcome], code: int,
                  watches: dict | None = None) -> Path:
    folder = Path(home) / "runs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"refresh-{started.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}.json"
    data = {"started": started.isoformat(timespec="seconds"), "finished": datetime.now().isoformat(timespec="seconds"),
            "exit_code": code, "sources": [o.__dict__ for o in outcomes], "watches": watches}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    os.replace(tmp, path)
    return path


def json_logger(stream: Any = None) -> Callable[[dict], None]:
    stream = stream or sys.stderr

    def log(event: dict) -> None:
        stream.write(json.dumps({"ts": datetime.now().isoformat(timespec="seconds"), **event}, ensure_ascii=False)
                     + "\n")
        stream.flush()

    return log
