"""Crawl a public ALLRIS site as a careful person would, whatever its URL scheme: classic ALLRIS 3
(``…/bi/si010_e.asp``), responsive ALLRIS 3 (``…/bi/si010_r.asp``), ALLRIS 4 under ``/public/``, ``/bi/``
or at the host root (``…/si010?MM=9&YY=2026``). The scheme is found by asking for the calendar; every later address
is taken from the links of the pages themselves. The walk: calendar months → meetings → agenda items →
papers → attachments, plus the paper list for papers on no agenda, and the committees and factions met on the way.

Incremental: the re-read window (the last three months and all future months of the range) and
papers still open are read again with conditional requests; everything else only when new.
Pages that are not public (login redirect), cut off, or "Zugriff verweigert" are recorded in
run_error and never stored as records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from ratsinfo.errors import ParseError
from ratsinfo.ingest.fetch import Fetcher
from ratsinfo.model import Records
from ratsinfo.parsers.allris_agenda_item import parse_to020
from ratsinfo.parsers.allris_calendar import parse_calendar
from ratsinfo.parsers.allris_html import parse_vo020
from ratsinfo.parsers.allris_lists import faction_links, paper_links
from ratsinfo.parsers.allris_meeting import parse_to010
from ratsinfo.parsers.allris_roster import parse_roster
from ratsinfo.parsers.textutil import decode_html

CALENDARS = ("si010_e", "si010_a", "si010", "si010_j", "si010_r")
# (program suffix, file suffix) of each URL scheme, in the order they are tried
SCHEMES = {"asp": ".asp", "net": ""}
OPEN_STATUS = ("Geplant", "Bereit", "in Beratung", "offen")


def months_between(start: date, end: date) -> list[tuple[int, int]]:
    out = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def shift(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, 1)


@dataclass
class AllrisCrawl(Fetcher):
    base: str
    start: date
    end: date
    window_start: date
    files: bool = True
    collected: Records = field(default_factory=Records)
    downloads: list = field(default_factory=list)  # the meetings' attachments, fetched when files are on
    concurrency: int = 4
    doc_of: dict[str, str] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)

    scheme: str | None = None  # "asp" (ALLRIS 3, classic or responsive) or "net" (ALLRIS 4), found by the crawl
    responsive: bool = False  # ALLRIS 3 served as *_r.asp

    def __post_init__(self) -> None:
        import re

        # a program address given as the base ("…/public/si010", "…/bi/si010_e.asp"): its folder is the site
        path = urlsplit(self.base).path.rstrip("/")
        if re.fullmatch(r"[a-z]{2}\d{3}(?:_\w)?(?:\.asp)?", path.rsplit("/", 1)[-1], re.I):
            self.base = self.base.rstrip("/").rsplit("/", 1)[0] + "/"

    @property
    def v3(self) -> bool:
        return self.scheme == "asp" if self.scheme else "/bi/" in self.base or self.base.rstrip("/").endswith("/bi")

    def url(self, program: str, query: str = "") -> str:
        suffix = ".asp" if self.v3 else ""
        if self.v3 and self.responsive and not program.startswith("si010"):
            program += "_r"
        return f"{self.base.rstrip('/')}/{program}{suffix}{'?' + query if query else ''}"

    def _schemes(self) -> list[str]:
        if "/public" in self.base:
            return ["net", "asp"]
        return ["asp", "net"] if "/bi" in self.base or ".asp" in self.base else ["net", "asp"]

    def stored(self, url: str) -> tuple[str, str | None, str | None] | None:
        return self.state.stored_page(url)

    def page(self, url: str, what: str, refetch: bool = True, probe: bool = False) -> str | None:
        """A page's HTML; None when it cannot be had (recorded), or when stored and not to be re-read."""
        if url in self._seen:
            return None
        self._seen.add(url)
        old = self.stored(url)
        if old and not refetch:
            return None
        resp = self.get(url, what, etag=old[1] if old else None, last_modified=old[2] if old else None)
        if resp is None:
            return None
        if probe and resp.status == 404:
            self.run.note(url, "fetch", f"{what}: HTTP 404 while finding the site's URL scheme")
            return None
        if resp.not_modified and old:
            self.doc_of[url] = f"{url}#{old[0][:16]}"
            return decode_html(self.store.get(old[0]))[0]
        if resp.status in (301, 302, 303) or "login" in urlsplit(resp.url).path.lower():
            self.run.error(url, "fetch", f"{what}: redirected to a login page; the page is not public")
            return None
        if resp.status >= 400:
            self.run.error(url, "fetch", f"{what}: HTTP {resp.status}; the site did not serve it")
            return None
        html, enc = decode_html(resp.content)
        status = "ok"
        error = None
        from ratsinfo.parsers.allris_html import check_complete

        try:
            check_complete(html, url)
        except ParseError as exc:
            status, error = "failed", str(exc)
        sha = self._keep(url, resp.content, resp.status, resp.headers, "allris_page", enc, status, error)
        self.doc_of[url] = f"{url}#{sha[:16]}"
        if error:
            if "Zugriff verweigert" in error and what.startswith("calendar"):
                return html  # the caller tries the next calendar program
            self.run.error(url, "parse", f"{what}: {error}")
            return None
        return html

    def calendar_program(self, y: int, m: int) -> str | None:
        """Find the URL scheme and calendar program the site answers to (quietly: a 404 while probing a
        scheme is not an error of the run)."""
        for scheme in self._schemes():
            self.scheme = scheme
            for prog in CALENDARS if scheme == "asp" else ("si010",):
                url = self.url(prog, f"MM={m}&YY={y}")
                html = self.page(url, f"calendar {prog}", probe=True)
                if html is None:
                    continue
                if "Zugriff verweigert" in html and "to010" not in html:
                    self.run.note(url, "fetch", f"{prog} is disabled on this site ('Zugriff verweigert'); trying "
                                                "the next")
                    continue
                self.responsive = prog.endswith("_r")
                self._first_calendar = (url, html)
                return prog
        self.scheme = None
        self.run.error(self.base, "fetch", "no calendar program answers (si010_e, si010_a, si010, si010_j, si010_r "
                                           "as .asp, or ALLRIS 4 si010)")
        return None

    def crawl(self) -> None:
        months = months_between(self.start, self.end)
        if not months:
            return
        prog = self.calendar_program(*months[0])
        meeting_urls: list[tuple[str, bool]] = []
        if prog:
            for y, m in months:
                in_window = date(y, m, 1) >= self.window_start
                url = self.url(prog, f"MM={m}&YY={y}")
                if getattr(self, "_first_calendar", (None,))[0] == url:
                    html = self._first_calendar[1]
                else:
                    html = self.page(url, f"calendar {y}-{m:02d}", refetch=in_window)
                if html is None:
                    continue
                try:
                    entries = parse_calendar(html, url, y, m)
                except ParseError as exc:
                    self.run.error(url, "parse", f"calendar: {exc}")
                    continue
                meeting_urls += [(e.url, in_window) for e in entries]
        paper_urls: list[tuple[str, bool]] = []
        committee_urls: list[str] = []
        for url, in_window in meeting_urls:
            html = self.page(url, "meeting", refetch=in_window)
            if html is None:
                continue
            try:
                mp = parse_to010(html, url)
            except ParseError as exc:
                self.run.error(url, "parse", f"meeting: {exc}")
                continue
            self.collected.meetings.append(mp.meeting)
            self.collected.agenda_items += mp.items
            self.collected.files += mp.files
            if self.files:
                self.downloads += mp.files
            committee_urls += mp.committee_urls
            paper_urls += [(u, in_window) for u in mp.paper_urls]
            for item_url in dict.fromkeys(mp.item_urls):
                ihtml = self.page(item_url, "agenda item", refetch=in_window)
                if ihtml is None:
                    continue
                try:
                    item, links = parse_to020(ihtml, item_url)
                except ParseError as exc:
                    self.run.error(item_url, "parse", f"agenda item: {exc}")
                    continue
                self.collected.agenda_items.append(item)
                paper_urls += [(u, in_window) for u in links if "vo020" in u]
        listed = self.page(self.url("vo040"), "paper list")
        if listed is not None:
            try:
                paper_urls += [(u, False) for u in paper_links(listed, self.url("vo040"))]
            except ParseError as exc:
                self.run.error(self.url("vo040"), "parse", f"paper list: {exc}")
        open_papers = self._open_papers()
        for url, in_window in dict.fromkeys(paper_urls):
            html = self.page(url, "paper", refetch=in_window or url in open_papers)
            if html is None:
                continue
            try:
                result, _body = parse_vo020(html, url, self.doc_of.get(url, url), "local")
            except ParseError as exc:
                self.run.error(url, "parse", f"paper: {exc}")
                continue
            self.collected.extend(result)
        for url in dict.fromkeys(committee_urls):
            if any(p in url for p in ("au020", "gr020", "pa020")):
                self._roster(url, "committee")
        flist = self.page(self.url("fr010"), "faction list")
        if flist is not None:
            try:
                for url in faction_links(flist, self.url("fr010")):
                    self._roster(url, "faction")
            except ParseError as exc:
                self.run.error(self.url("fr010"), "parse", f"faction list: {exc}")

    def _roster(self, url: str, what: str) -> None:
        html = self.page(url, what, refetch=False)
        if html is None:
            return
        try:
            r = parse_roster(html, url, kind="faction" if what == "faction" else None)
        except ParseError as exc:
            self.run.error(url, "parse", f"{what}: {exc}")
            return
        self.collected.organizations.append(r.organization)
        self.collected.persons += r.persons
        self.collected.memberships += r.memberships

    def _open_papers(self) -> set[str]:
        return self.state.open_papers(OPEN_STATUS)
