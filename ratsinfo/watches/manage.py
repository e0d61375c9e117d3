"""Adding, listing and removing watches, and a run of them outside a refresh: what the CLI calls."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import duckdb

from ratsinfo.errors import BadInput
from ratsinfo.warehouse import watches as wh
from ratsinfo.watches.model import KINDS, Watch
from ratsinfo.watches.send import Report, deliver
from ratsinfo.watches.settings import load as load_mail

ADDRESS = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$|^[^@\s<>,;]+@localhost$")


def add(con: duckdb.DuckDBPyConnection, kind: str, target: str, recipients: list[str], *,
        council: str | None = None, body: str | None = None, paper_type: str | None = None,
        faction: str | None = None, label: str | None = None) -> Watch:
    """Store a watch. ``target``: the words (search), the body's name (body), the paper's reference (paper)."""
    if kind not in KINDS:
        raise BadInput(f"the kind {kind!r} is not one of {', '.join(KINDS)}")
    if not recipients:
        raise BadInput("a watch needs at least one recipient: --to name@example.org")
    bad = [a for a in recipients if not ADDRESS.match(a)]
    if bad:
        raise BadInput(f"not an e-mail address: {', '.join(bad)}")
    if kind != "search" and any((council if kind == "body" else None, body, paper_type, faction)):
        raise BadInput("--body, --paper-type and --faction filter searches only (--council: searches and papers)")
    fields: dict[str, str | None] = {"kind": kind, "label": label}
    if kind == "search":
        if not re.search(r"\w", target):
            raise BadInput("a search watch needs at least one word")
        fields.update(words=target, council=council, body=body, paper_type=paper_type, faction=faction)
    elif kind == "body":
        found = wh.find_bodies(con, target)
        if not found:
            close = ", ".join(wh.body_names_like(con, target))
            raise BadInput(f"no body is called {target!r}" + (f"; similar names: {close}" if close else
                                                              "; ingest its council first"))
        fields["body"] = target
    else:
        found = wh.find_papers(con, target)
        if council:
            found = [f for f in found if council.casefold() in (f[2] or "").casefold()]
        if not found:
            raise BadInput(f"no paper has the reference {target!r}" + (f" in {council!r}" if council else ""))
        if len(found) > 1:
            raise BadInput(f"{len(found)} papers have the reference {target!r} (councils: "
                           f"{', '.join(sorted({f[2] or '?' for f in found}))}); name one with --council")
        fields["paper_key"] = found[0][0]
        fields["label"] = label or found[0][1]
    watch_id = wh.add_watch(con, fields, sorted(set(recipients)))
    return Watch.from_row(wh.watches(con, watch_id)[0])


def listed(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[list]]:
    cols = ["id", "kind", "watches", "recipients", "since_run", "created"]
    rows = [[w.id, w.kind, w.title, ", ".join(w.recipients), w.after_run,
             w.created_at.strftime("%Y-%m-%d %H:%M") if w.created_at else None]
            for w in (Watch.from_row(r) for r in wh.watches(con))]
    return cols, rows


def remove(con: duckdb.DuckDBPyConnection, watch_id: int) -> None:
    if not wh.remove_watch(con, watch_id):
        raise BadInput(f"there is no watch {watch_id}; see ratsinfo watch list")


def run(db: Path, home: Path, config: Path | None, *, since: datetime | None = None,
        resend_unsure: bool = False) -> Report:
    """Send what is pending, under the refresh lock so that a refresh and this never send alike."""
    from ratsinfo.ops.refresh import Lock
    from ratsinfo.warehouse.db import connect

    mail = load_mail(config, home)
    with Lock(db):
        con = connect(db)
        try:
            return deliver(con, mail, since=since, resend_unsure=resend_unsure)
        finally:
            con.close()
