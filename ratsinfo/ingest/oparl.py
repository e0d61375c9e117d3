"""Walk an OParl system or body: every list the body offers, page by page, and stream what it maps.

Fetching and mapping happen in worker threads; each mapped page is handed, through a bounded
queue, to the caller's thread, which loads it in its own transaction. Memory therefore holds a few
pages, not a municipality. Lists of organizations and persons come first, so that papers and
consultations arriving later can name them.

Incremental runs use ``modified_since`` from the watermark minus an overlap window. Servers whose
modification times are useless (ALLRIS 4 gives 2000-01-01 on every object and pages oldest first)
are recognised on the first full read; later runs read such a list backwards from ``links.last``
until a page holds only objects already known. Servers that drop the filter from their ``next``
links (Somacos SessionNet after page 2) get it put back.
"""

from __future__ import annotations

import queue
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ratsinfo.errors import ParseError
from ratsinfo.ingest.fetch import Fetcher
from ratsinfo.model import Document, Organization, Records
from ratsinfo.parsers.oparl import decode, key, map_object, object_type, page_of, parse_dt

FIRST_LISTS = ("organization", "person")
LATER_LISTS = ("membership", "meeting", "agendaItem", "paper", "consultation", "file")
LISTS = FIRST_LISTS + LATER_LISTS
EXPECT = {"organization": "Organization", "person": "Person", "membership": "Membership", "meeting": "Meeting",
          "agendaItem": "AgendaItem", "paper": "Paper", "consultation": "Consultation", "file": "File"}
TABLE_OF_LIST = {"organization": "organization", "person": "person", "membership": "membership",
                 "meeting": "meeting", "agendaItem": "agenda_item", "paper": "paper",
                 "consultation": "consultation", "file": "file"}
OVERLAP = timedelta(hours=72)
MAX_GAP_FETCHES = 500
BACKWARD = "backward"
MAX_PAGES = 5_000  # per list: 5,000 pages of 25 to 100 objects; an endless chain of new 'next' links stops here


@dataclass
class PageBatch:
    """One list page, mapped: what the caller loads in one transaction."""

    body_key: str | None
    list_name: str
    url: str
    records: Records
    documents: list[Document]


@dataclass
class ListDone:
    """A list read to its end (or not): the caller advances the watermark once the pages are committed."""

    body_key: str
    list_name: str
    complete: bool
    modified: datetime | None
    mode: str | None
    pages: int = 0


_DONE = object()


def page_number_url(url: str, delta: int) -> str | None:
    """The URL of the page before or after, for servers that give ``last`` but no ``prev``."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for i, (k, v) in enumerate(query):
        if k == "page" and v.isdigit():
            n = int(v) + delta
            if n < 1:
                return None
            query[i] = (k, str(n))
            return urlunsplit(parts._replace(query=urlencode(query)))
    return None


def keep_filter(next_url: str, filter_name: str, stamp: str) -> str:
    """Put a dropped ``modified_since`` back into a ``next`` link."""
    if re.search(rf"[?&]{filter_name}=", next_url):
        return next_url
    return f"{next_url}{'&' if '?' in next_url else '?'}{filter_name}={stamp}"


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

    def _page(self, url: str, name: str) -> Any | None:
        value = self.fetch(url, f"{name} list")
        if value is None:
            return None
        try:
            page = page_of(value)
        except ParseError as exc:
            self.run.error(url, "parse", f"{name} list: {exc}")
            return None
        if page.shape == "object":
            self.run.note(url, "parse", f"{name} list: a single object instead of a list (Sternberg quirk)")
        elif page.shape == "list":
            self.run.note(url, "parse", f"{name} list: a bare list instead of a page object")
        elif page.shape == "error":
            self.run.note(url, "parse", f"{name} list: an error body instead of an empty list")
        return page

    def _emit(self, out: queue.Queue, body_key: str, name: str, url: str, objects: list[dict]) -> Records:
        records = Records()
        for obj in objects:
            self.map_one(obj, body_key, records, EXPECT.get(name), url)
        out.put(PageBatch(body_key, name, url, records, self.take_documents()))
        return records

    # --- walking -----------------------------------------------------------------------------------

    def walk_list(self, out: queue.Queue, body_key: str, name: str, url: str) -> None:
        """Read one list and put its pages and a ListDone on ``out``; always ends with _DONE."""
        try:
            mode = self.state.list_mode(body_key, name)
            mark = self.state.watermark(body_key, name)
            if self.since is None and mode == BACKWARD and mark is not None:
                out.put(self._walk_backward(out, body_key, name, url))
            else:
                since = self.since or (mark - OVERLAP if mark else None)
                out.put(self._walk_forward(out, body_key, name, url, since))
        except Exception as exc:  # a list that breaks costs that list, never the run
            self.run.error(url, "walk", f"{name} list: {type(exc).__name__}: {exc}")
            out.put(ListDone(body_key, name, False, None, None))
        finally:
            out.put(_DONE)

    def _walk_forward(self, out: queue.Queue, body_key: str, name: str, url: str,
                      since: datetime | None) -> ListDone:
        stamp = since.strftime("%Y-%m-%dT%H:%M:%S") if since else None
        if stamp:
            url = keep_filter(url, "modified_since", stamp)
        next_url: str | None = url
        complete, pages, newest = True, 0, None
        stamps: set[str] = set()
        count = 0
        while next_url:
            cap = self.max_pages or MAX_PAGES
            if pages >= cap:
                self.run.error(next_url, "fetch", f"{name} list: more than {cap} pages (a 'next' chain "
                               "that does not end?); stopped, the rest is read next time")
                complete = False
                break
            page = self._page(next_url, name)
            if page is None:
                complete = False
                break
            pages += 1
            if page.problem:
                self.run.error(next_url, "parse", f"{name} list: {page.problem}")
                complete = False
            for obj in page.objects:
                stamps.add(str(obj.get("modified")))
                count += 1
            records = self._emit(out, body_key, name, next_url, page.objects)
            if records.modified and (newest is None or records.modified > newest):
                newest = records.modified
            next_url = page.next_url
            if next_url and stamp:
                fixed = keep_filter(next_url, "modified_since", stamp)
                if fixed != next_url:
                    self.run.note(next_url, "fetch", f"{name} list: the server dropped modified_since from its "
                                  "'next' link (Somacos quirk); put back")
                    next_url = fixed
            with self._lock:
                if next_url and next_url in self._seen:
                    self.run.note(next_url, "fetch", f"{name} list: 'next' points back to a page already read; "
                                  "stopped there")
                    next_url = None
        # every object stamped alike (ALLRIS 4: 2000-01-01): modification times cannot find what is new
        useless = since is None and count >= 2 and len(stamps) == 1
        if useless:
            self.run.note(url, "walk", f"{name} list: every object has the same modification time; later runs "
                          "read this list backwards from its last page")
        return ListDone(body_key, name, complete, newest, BACKWARD if useless else None, pages)

    def _walk_backward(self, out: queue.Queue, body_key: str, name: str, url: str) -> ListDone:
        first = self._page(url, name)
        if first is None:
            return ListDone(body_key, name, False, None, BACKWARD)
        pages = 1
        page_url = first.links.get("last")
        table = TABLE_OF_LIST[name]
        if not page_url or first.next_url is None:  # a single page: it was read whole
            self._emit(out, body_key, name, url, first.objects)
            return ListDone(body_key, name, True, None, BACKWARD, pages)
        while page_url:
            page = self._page(page_url, name)
            if page is None:
                return ListDone(body_key, name, False, None, BACKWARD, pages)
            pages += 1
            self._emit(out, body_key, name, page_url, page.objects)
            ids = [key(table, o["id"]) for o in page.objects if isinstance(o.get("id"), str)]
            known = self.state.known(table, ids)
            if ids and all(i in known for i in ids):
                break  # everything older than this page was read before
            page_url = page.links.get("prev") or page_number_url(page_url, -1)
            with self._lock:
                if page_url in self._seen:
                    break
        return ListDone(body_key, name, True, None, BACKWARD, pages)

    def map_one(self, obj: dict, body_key: str | None, out: Records, expect: str | None, where: str) -> bool:
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
            return [b for b in (blist if isinstance(blist, list) else []) if isinstance(b, dict)]
        if isinstance(value, dict) and object_type(value) == "Body":
            return [value]
        try:
            return [o for o in page_of(value).objects if object_type(o) == "Body"]
        except ParseError:
            self.run.error(url, "parse", "neither an OParl System, a Body nor a list of bodies")
            return []

    def stream(self, url: str) -> Iterator[PageBatch | ListDone]:
        """Every page of every list of every body, as it is mapped; organizations and persons first."""
        bodies = self.bodies(url)
        if self.body_filter:
            bodies = [b for b in bodies if self.body_filter in (b.get("id"), b.get("name"), b.get("shortName"))
                      or str(b.get("id", "")).endswith(self.body_filter)]
        head = Records()
        for b in bodies:
            if not isinstance(b.get("id"), str) or not b["id"]:
                self.run.error(url, "map", "a body without a URL as its id: skipped")
                continue
            self.map_one(b, None, head, "Body", url)
        yield PageBatch(None, "body", url, head, self.take_documents())
        for phase in (FIRST_LISTS, LATER_LISTS):
            out: queue.Queue = queue.Queue(maxsize=max(2, self.concurrency * 2))
            with ThreadPoolExecutor(max_workers=max(1, self.concurrency)) as pool:
                running = 0
                for b in bodies:
                    body_key = key("body", b["id"]) if isinstance(b.get("id"), str) and b["id"] else None
                    for name in phase:
                        target = b.get(name)
                        if body_key and isinstance(target, str) and target:
                            pool.submit(self.walk_list, out, body_key, name, target)
                            running += 1
                while running:
                    item = out.get()
                    if item is _DONE:
                        running -= 1
                    else:
                        yield item

    def gaps(self, references: dict[str, set[str]], have: set[str]) -> Records:
        """Fetch objects that were referenced but never listed; placeholders for organizations that never come."""
        missing: list[tuple[str, str]] = []
        for table in ("organization", "person", "meeting", "paper"):
            ids = sorted(references.get(table, ()))
            if not ids:
                continue
            stored = self.state.known(table, [key(table, i) for i in ids])
            missing += [(table, i) for i in ids if key(table, i) not in have and key(table, i) not in stored]
        extra = Records()
        if not missing:
            return extra
        with ThreadPoolExecutor(max_workers=max(1, self.concurrency)) as pool:
            fetched = list(pool.map(lambda m: self.fetch(m[1], f"referenced {m[0]}", False),
                                    missing[:MAX_GAP_FETCHES]))
        for (table, i), value in zip(missing[:MAX_GAP_FETCHES], fetched, strict=True):
            if isinstance(value, dict) and value.get("id"):
                self.map_one(value, None, extra, {"organization": "Organization", "person": "Person",
                                                  "meeting": "Meeting", "paper": "Paper"}[table], i)
            elif table == "organization":
                extra.organizations.append(Organization(key=key("organization", i), name=f"(nicht abrufbar: {i})",
                                                        source_url=i))
                self.run.error(i, "gap", "referenced organization is not served; a placeholder was kept")
            else:
                self.run.error(i, "gap", f"referenced {table} is not served (or not allowed)")
        return extra


__all__ = ["OParlIngest", "PageBatch", "ListDone", "parse_dt"]
