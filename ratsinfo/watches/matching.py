"""Which events of the change log a watch reports, grouped into items (one per paper or meeting).

- search: papers the runs inserted or changed, or gave a new file, whose title, text or file text
  contains every word (German stems, see ``warehouse/sql/watch_words.sql``) and that pass the filters
  (council, body, paper type, faction: case-insensitive parts of the names).
- body: new or changed meetings of the body, their agenda items, results and files (invitations, minutes).
- paper: new consultations, results, answers, files and changes of the paper.

A source's first load is summarised in the change log without keys, so it reports nothing: a first
load is the archive, not news. Deletions are not reported either.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from urllib.parse import quote

import duckdb

from ratsinfo.warehouse import watches as wh
from ratsinfo.watches.model import Item, Watch
from ratsinfo.watches.words import count, field_name

SEARCH_EVENTS = {"paper_new", "paper_changed", "file_new"}
BODY_EVENTS = {"meeting_new", "meeting_changed", "agenda_item_new", "file_new", "result"}
PAPER_EVENTS = {"paper_changed", "consultation_new", "result", "agenda_item_new", "file_new", "answer"}


class Context:
    """The events of a set of runs and the papers and meetings they concern, read once for all watches."""

    def __init__(self, con: duckdb.DuckDBPyConnection, run_ids: list[int], web_base: str | None = None) -> None:
        self.con = con
        self.web_base = (web_base or "").rstrip("/") or None
        self.events = wh.events(con, run_ids)
        paper_keys = sorted({e[4] for e in self.events if e[4]})
        meeting_keys = sorted({e[5] for e in self.events if e[5]})
        self.papers = {r[0]: r for r in wh.papers(con, paper_keys)}
        self.meetings = {r[0]: r for r in wh.meetings(con, meeting_keys)}
        self._relevant: dict[int, list[tuple]] = {}  # per watch: matched once, whatever the recipients

    def relevant(self, w: Watch) -> list[tuple]:
        if w.id not in self._relevant:
            self._relevant[w.id] = _relevant(self, w)
        return self._relevant[w.id]

    def link(self, kind: str, key: str) -> str | None:
        if self.web_base:
            return f"{self.web_base}/{kind}/{quote(key, safe='')}"
        row = self.papers.get(key) if kind == "paper" else self.meetings.get(key)
        return row[4] if row else None

    def paper_title(self, key: str) -> str:
        row = self.papers.get(key)
        if not row:
            return key
        ref, name, ptype = row[1], row[2], row[3]
        title = ref if not name or name == ref else f"{ref} – {name}"
        return f"{title} ({ptype})" if ptype else title

    def meeting_title(self, key: str) -> str:
        row = self.meetings.get(key)
        if not row:
            return key
        name, start, body = row[1], row[2], row[6]
        when = f"am {start:%d.%m.%Y, %H:%M} Uhr" if isinstance(start, datetime) else ""
        return " ".join(p for p in (f"{body}:" if body else "", name or "Sitzung", when) if p)


def _contains(value: str | list | None, wanted: str | None) -> bool:
    if not wanted:
        return True
    values = value if isinstance(value, list) else [value]
    return any(wanted.casefold() in (v or "").casefold() for v in values)


def _body_matches(ctx: Context, meeting_key: str | None, body: str) -> bool:
    row = ctx.meetings.get(meeting_key or "")
    if not row:
        return False
    names = [row[6], row[8], *(row[7] or [])]
    return row[5] == body or any(n and n.casefold() == body.casefold() for n in names)


def _passes_filters(ctx: Context, w: Watch, paper_key: str) -> bool:
    row = ctx.papers.get(paper_key)
    if not row:
        return False
    _k, _ref, _name, ptype, _url, council, body_key, originator, directed, bodies = row
    return (_contains([council, body_key], w.council) and _contains(ptype, w.paper_type)
            and _contains(originator, w.faction) and _contains([directed, *(bodies or [])], w.body))


def _relevant(ctx: Context, w: Watch) -> list[tuple]:
    """The events of this watch: (run_id, table, key, event, paper_key, meeting_key, detail)."""
    mine = [e for e in ctx.events if e[0] > w.after_run]
    if w.kind == "paper":
        return [e for e in mine if e[3] in PAPER_EVENTS and e[4] == w.paper_key]
    if w.kind == "body":
        return [e for e in mine if e[3] in BODY_EVENTS and e[5] and not (e[3] == "file_new" and e[4])
                and _body_matches(ctx, e[5], w.body or "")]
    candidates = [e for e in mine if e[3] in SEARCH_EVENTS and e[4] and _passes_filters(ctx, w, e[4])]
    keys = sorted({e[4] for e in candidates})
    found = wh.papers_with_words(ctx.con, keys, w.words or "") if w.words else set(keys)
    return [e for e in candidates if e[4] in found]


def _phrases(ctx: Context, kind: str, evs: list[tuple]) -> list[str]:
    """What happened, in German, in a fixed order; several alike become one phrase with a count."""
    by: dict[str, list[str]] = defaultdict(list)
    for e in evs:
        detail = e[6]
        if e[3] == "agenda_item_new" and kind == "paper":
            detail = ctx.meeting_title(e[5]) if e[5] else detail
        if detail not in by[e[3]]:
            by[e[3]].append(detail)
    out: list[str] = []
    if "paper_new" in by:
        out.append("neu eingestellt")
    if "meeting_new" in by:
        row = ctx.meetings.get(evs[0][5] or "")
        out.append("neue Sitzung" + (" (abgesagt)" if row and row[3] else ""))
    for ev in ("paper_changed", "meeting_changed"):
        if ev in by:
            out.append("geändert: " + "; ".join(field_name(d) for d in by[ev] if d))
    if "agenda_item_new" in by:
        items = by["agenda_item_new"]
        if kind == "meeting":
            out.append(f"Tagesordnung mit {count(len(items), 'Punkt', 'Punkten')}")
        else:
            out.append("auf der Tagesordnung: " + "; ".join(d for d in items if d))
    if "consultation_new" in by:
        n = len(by["consultation_new"])
        out.append(("neue Beratung" if n == 1 else f"{n} neue Beratungen") + ": "
                   + "; ".join(d for d in by["consultation_new"] if d))
    if "result" in by:
        out.append(("Ergebnis" if len(by["result"]) == 1 else "Ergebnisse") + ": "
                   + "; ".join(d for d in by["result"] if d))
    if "answer" in by:
        refs = [d for d in by["answer"] if d]
        out.append(("Antwort eingegangen" if len(refs) <= 1 else "Antworten eingegangen")
                   + (": " + ", ".join(refs) if refs else ""))
    if "file_new" in by:
        names = [d for d in by["file_new"] if d]
        n = len(by["file_new"])
        shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        out.append(("neue Datei" if n == 1 else f"{n} neue Dateien") + (f": {shown}" if shown else ""))
    return out


def event_id(e: tuple) -> str:
    """The identity of an event across runs: run, table, key, event."""
    return f"{e[0]}/{e[1]}/{e[2]}/{e[3]}"


def items_for(ctx: Context, w: Watch, skip: Callable[[str], bool] | None = None) -> list[Item]:
    """The items of a watch among the context's events, one per paper (search, paper) or meeting (body);
    events whose id ``skip`` accepts (e.g. sent already) are left out."""
    groups: dict[str, list[tuple]] = defaultdict(list)
    for e in ctx.relevant(w):
        if skip is None or not skip(event_id(e)):
            groups[e[5] if w.kind == "body" else e[4]].append(e)
    out = []
    for subject, evs in groups.items():
        kind = "meeting" if w.kind == "body" else "paper"
        title = ctx.meeting_title(subject) if kind == "meeting" else ctx.paper_title(subject)
        ids = sorted({event_id(e) for e in evs})
        out.append(Item(w.id, subject, kind, title, _phrases(ctx, kind, evs), ctx.link(kind, subject), ids,
                        max(e[0] for e in evs)))
    return sorted(out, key=lambda i: (i.run_id, i.title))


def web_base() -> str | None:
    return os.environ.get("RATSINFO_WEB_BASE") or None


def watch_items(con: duckdb.DuckDBPyConnection, watch_id: int, since: date | datetime | None = None,
                web_base_url: str | None = None) -> list[Item]:
    """Everything watch ``watch_id`` reports from runs started since ``since`` (all runs after it was added
    when None), newest last, whether or not it was mailed: what a feed of the watch shows."""
    rows = wh.watches(con, watch_id)
    if not rows:
        return []
    w = Watch.from_row(rows[0])
    start = datetime.combine(since, datetime.min.time()) if isinstance(since, date) and not isinstance(
        since, datetime) else since
    ctx = Context(con, wh.runs_after(con, w.after_run, start), web_base_url or web_base())
    return items_for(ctx, w)
