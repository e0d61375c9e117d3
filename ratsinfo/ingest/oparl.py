"""Walk an OParl system or body: every list the body offers, page by page, following
``links.next``; incremental through ``modified_since`` watermarks with an overlap window.

Fetching happens in worker threads through the polite client; mapping and loading happen on
the calling thread, after names of referenced bodies are resolved, so that a second run with
nothing changed writes nothing.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ratsinfo.errors import ParseError
from ratsinfo.ingest.fetch import Fetcher
from ratsinfo.model import Organization
from ratsinfo.parsers.oparl import Mapped, as_list, decode, key, map_object, object_type, page_of

LISTS = ("organization", "person", "membership", "meeting", "agendaItem", "paper", "consultation", "file")
EXPECT = {"organization": "Organization", "person": "Person", "membership": "Membership", "meeting": "Meeting",
          "agendaItem": "AgendaItem", "paper": "Paper", "consultation": "Consultation", "file": "File"}
OVERLAP = timedelta(hours=72)
MAX_GAP_FETCHES = 500
MAX_PAGES = 5_000  # per list: 5,000 pages of 25 to 100 objects; an endless chain of new 'next' links stops here


@dataclass
class ListResult:
    body_key: str
    name: str
    mapped: Mapped
    complete: bool
    pages: int = 0


@dataclass
class OParlIngest(Fetcher):
    since: datetime | None = None
    body_filter: str | None = None
    files: bool = True
    concurrency: int = 4
    max_pages: int | None = None  # MAX_PAGES when not given
    _seen: set[str] = field(default_factory=set)

    # --- fetching ----------------------------------------------------------------------------------

    def fetch(self, url: str, what: str, report_missing: bool = True) -> Any | None:
        """One JSON document, stored raw; None (and a run_error) when it cannot be had."""
        with self._lock:
            if url in self._seen:
                self.run.note(url, "fetch", f"{what}: already fetched in this run (a 'next' link that loops); stopped")
                return None
            self._seen.add(url)
        resp = self.get(url, what)
        if resp is None:
            return None
        sha = self._keep(resp.url, resp.content, resp.status, resp.headers, "oparl_json", "utf-8")
        if resp.status == 404 and "modified_since=" in url:
            self.run.note(url, "fetch", f"{what}: 404 for a filtered list, read as an empty list (Sternberg quirk)")
            return {"data": [], "links": {}}
        if resp.status >= 400:
            if report_missing or resp.status not in (404, 410):
                self.run.error(url, "fetch", f"{what}: HTTP {resp.status}; the server did not serve it")
            return None
        try:
            decoded = decode(resp.content)
        except ParseError as exc:
            self.run.error(url, "parse", f"{what}: {exc} (raw bytes kept as {sha[:12]})")
            return None
        for r in decoded.repaired:
            self.run.note(url, "parse", f"{what}: {r}")
        return decoded.value

    # --- walking -----------------------------------------------------------------------------------

    def walk_list(self, body_key: str, name: str, url: str, since: datetime | None) -> ListResult:
        mapped = Mapped()
        complete = True
        pages = 0
        if since is not None:
            stamp = since.strftime("%Y-%m-%dT%H:%M:%S")
            url = f"{url}{'&' if '?' in url else '?'}modified_since={stamp}"
        next_url: str | None = url
        while next_url:
            cap = self.max_pages or MAX_PAGES
            if pages >= cap:
                self.run.error(next_url, "fetch", f"{name} list: more than {cap} pages (a 'next' chain "
                               "that does not end?); stopped, the rest is read next time")
                complete = False
                break
            value = self.fetch(next_url, f"{name} list")
            if value is None:
                complete = False
                break
            pages += 1
            try:
                page = page_of(value)
            except ParseError as exc:
                self.run.error(next_url, "parse", f"{name} list: {exc}")
                complete = False
                break
            if page.shape == "object":
                self.run.note(next_url, "parse", f"{name} list: a single object instead of a list (Sternberg quirk)")
            elif page.shape == "list":
                self.run.note(next_url, "parse", f"{name} list: a bare list instead of a page object")
            elif page.shape == "error":
                self.run.note(next_url, "parse", f"{name} list: an error body instead of an empty list")
            if page.problem:
                self.run.error(next_url, "parse", f"{name} list: {page.problem}")
                complete = False
            for obj in page.objects:
                self.map_one(obj, body_key, mapped, EXPECT.get(name), next_url)
            next_url = page.next_url
            with self._lock:
                if next_url and next_url in self._seen:
                    self.run.note(next_url, "fetch", f"{name} list: 'next' points back to a page already read; "
                                  "stopped there")
                    next_url = None
        return ListResult(body_key, name, mapped, complete, pages)

    def map_one(self, obj: dict, body_key: str | None, out: Mapped, expect: str | None, where: str) -> bool:
        """Map one object inside its own failure boundary: a bad object is a run_error, not the end of the run."""
        try:
            map_object(obj, body_key, out, expect)
        except ParseError as exc:
            oid = obj.get("id")
            self.run.error(oid if isinstance(oid, str) and oid else where, "map", str(exc))
            return False
        return True

    def bodies(self, url: str) -> list[dict]:
        value = self.fetch(url, "entry point")
        if value is None:
            return []
        if isinstance(value, dict) and object_type(value) == "System":
            blist = value.get("body")
            if isinstance(blist, str):
                listed = self.fetch(blist, "body list")
                if listed is None:
                    return []
                try:
                    return page_of(listed).objects
                except ParseError as exc:
                    self.run.error(blist, "parse", f"body list: {exc}")
                    return []
            return [b for b in as_list(blist) if isinstance(b, dict)]
        if isinstance(value, dict) and object_type(value) == "Body":
            return [value]
        try:
            return [o for o in page_of(value).objects if object_type(o) == "Body"]
        except ParseError:
            self.run.error(url, "parse", "neither an OParl System, a Body nor a list of bodies")
            return []

    def watermark(self, body_key: str, name: str) -> datetime | None:
        if self.since is not None:
            return self.since
        row = self.con.execute("SELECT modified_until FROM watermark WHERE source_key = ? AND body = ? AND list = ?",
                               [self.source_key, body_key, name]).fetchone()
        return row[0] - OVERLAP if row and row[0] else None

    def walk(self, url: str) -> tuple[Mapped, list[ListResult]]:
        everything = Mapped()
        results: list[ListResult] = []
        bodies = self.bodies(url)
        if self.body_filter:
            bodies = [b for b in bodies if self.body_filter in (b.get("id"), b.get("name"), b.get("shortName"))
                      or str(b.get("id", "")).endswith(self.body_filter)]
        jobs = []
        with ThreadPoolExecutor(max_workers=max(1, self.concurrency)) as pool:
            for b in bodies:
                if not isinstance(b.get("id"), str) or not b["id"]:
                    self.run.error(url, "map", "a body without a URL as its id: skipped")
                    continue
                if not self.map_one(b, None, everything, "Body", url):
                    continue
                body_key = key("body", b["id"])
                for name in LISTS:
                    target = b.get(name)
                    if isinstance(target, str) and target:
                        jobs.append(pool.submit(self.walk_list, body_key, name, target,
                                                self.watermark(body_key, name)))
            for fut in as_completed(jobs):
                res = fut.result()
                results.append(res)
                everything.extend(res.mapped)
        return everything, results

    def fill_gaps(self, mapped: Mapped) -> None:
        """Fetch objects that were referenced but not listed; keep placeholders for what never comes."""
        have = {t: {r.key for r in rows} for t, rows in (
            ("organization", mapped.organizations), ("person", mapped.persons), ("meeting", mapped.meetings),
            ("paper", mapped.papers))}
        missing: list[tuple[str, str]] = []
        for table, ids in mapped.references.items():
            if table not in have:
                continue
            stored = {r[0] for r in self.con.execute(
                f"SELECT key FROM {table} WHERE list_contains(?, key)", [[key(table, i) for i in ids]]).fetchall()}
            for i in sorted(ids):
                k = key(table, i)
                if k not in have[table] and k not in stored:
                    missing.append((table, i))
        if not missing:
            return
        extra = Mapped()
        with ThreadPoolExecutor(max_workers=max(1, self.concurrency)) as pool:
            futs = {pool.submit(self.fetch, i, f"referenced {table}", False): (table, i)
                    for table, i in missing[:MAX_GAP_FETCHES]}
            for fut in as_completed(futs):
                table, i = futs[fut]
                value = fut.result()
                if isinstance(value, dict) and value.get("id"):
                    self.map_one(value, None, extra, {"organization": "Organization", "person": "Person",
                                                    "meeting": "Meeting", "paper": "Paper"}[table], i)
                elif table == "organization":
                    extra.organizations.append(Organization(key=key("organization", i), name=f"(nicht abrufbar: {i})",
                                                            source_url=i))
                    self.run.error(i, "gap", "referenced organization is not served; a placeholder was kept")
                else:
                    self.run.error(i, "gap", f"referenced {table} is not served (or not allowed)")
        mapped.extend(extra)

