"""Councils at national scale, on loopback: N generated towns served by M hosts (ports), several towns
per host as on the real hosts, of mixed vendors (OParl of several flavours, ALLRIS sites without OParl
on the same hosts), a share of the OParl towns failing in each way the OParl ingest handles. Every host
measures what politeness means to it, whichever vendor a request was for: the requests it received in
any one second and the most it answered at once. Used by tests/scale and bench/scale.py (never the
internet).
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from ratsinfo.demo.pdfwriter import text_to_pdf
from tests.allris_server import SITE_MEETINGS, SITE_PAPERS, ModernSite, send
from tests.oparl_server import Faults, OParlServer

VENDORS = ("plain", "allris4", "somacos", "sdnet")  # OParl flavours (allris4: ALLRIS's OParl interface)
ALLRIS_LAYOUTS = ("allris4", "allris3r")  # ALLRIS sites read as HTML: ALLRIS 4 and responsive ALLRIS 3
PLACES = ("Altenbrück", "Birkenfelde", "Dornhagen", "Eichstedt", "Falkenried", "Grünwalde", "Hohenlinden",
          "Kirchmoor", "Lindenau", "Mühlbach", "Neudorf", "Oberhain", "Rosenthal", "Steinbrunn", "Talheim",
          "Waldkirchen", "Wiesenau", "Zellerfeld")
# each way the OParl ingest handles a failing server (tests/ingest/test_oparl.py, test_hostile_oparl.py)
FAULTS: dict[str, Callable[[], Faults]] = {
    "spurious_500": lambda: Faults(spurious_500={"paper"}),
    "timeout_once": lambda: Faults(timeout_once={"meeting"}, stall_seconds=1.0),
    "broken_json": lambda: Faults(broken_json={"person"}),
    "object_for_list": lambda: Faults(object_for_list={"membership"}),
    "list_for_page": lambda: Faults(list_for_page={"organization"}),
    "looping_next": lambda: Faults(looping_next={"person"}),
    "truncated": lambda: Faults(truncated={"paper"}),
    "missing_orgs": lambda: Faults(missing_orgs=2),
    "foreign_links": lambda: Faults(foreign_links=True),
    "wrong_types": lambda: Faults(wrong_types=True),
    "bad_next": lambda: Faults(bad_next={"paper"}),
    "endless_next": lambda: Faults(endless_next={"organization"}),
    "deep_json": lambda: Faults(deep_json={"membership"}),
    "slow_body": lambda: Faults(slow_body={"person"}, trickle_interval=0.01),
    "slow_headers": lambda: Faults(slow_headers={"meeting"}, trickle_interval=0.01),
    "private_name": lambda: Faults(private_name=True),
    "gzip_bomb": lambda: Faults(gzip_bomb=True),
    "bad_urls": lambda: Faults(bad_urls=True),
}
# faults after which every object served is still stored (the ingest recovers or fills the gap)
RECOVERED = {"spurious_500", "timeout_once", "broken_json", "list_for_page", "looping_next", "truncated",
             "missing_orgs", "foreign_links", None}
SMALL_TOWN = {"orgs": 4, "persons": 8, "meetings": 6, "items_per_meeting": 3, "papers": 15, "files_every": 5}


class AllrisTown:
    """One council's ALLRIS site (tests/allris_server.ModernSite) served under a host's ``/<slug>/``: its
    meetings moved to the weeks before ``today`` (the crawl reads the months around its own today), its
    documents (invitations, papers, attachments) served as PDFs of their own."""

    def __init__(self, base: str, layout: str, title: str, today: date | None = None) -> None:
        today = today or date.today()
        shift = today - timedelta(days=30) - SITE_MEETINGS[-1][1]  # the last meeting a month ago
        self.site = ModernSite(layout, [(m[0], m[1] + shift, *m[2:]) for m in SITE_MEETINGS])
        self.base, self.layout, self.title = base, layout, title
        self.requests: list[str] = []
        self._pdfs: dict[str, bytes] = {}
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"{self.base}/public/" if self.site.v4 else f"{self.base}/bi/"

    def documents(self) -> int:
        """The documents the site links: an invitation per meeting, a paper and its attachment per paper."""
        return len(self.site.meetings) + 2 * len(SITE_PAPERS)

    def expected(self) -> dict[str, int]:
        return {"meeting": len(self.site.meetings), "agenda_item": len(self.site.items()), "paper": len(SITE_PAPERS),
                "file": self.documents()}

    def _document(self, path: str) -> bytes | None:
        parts = urlsplit(path)
        if not ("/wicket/resource/" in parts.path or parts.path.endswith("/do027.asp") or "/___tmp/" in parts.path
                or "attachment-link" in parts.query):
            return None
        with self._lock:
            if path not in self._pdfs:
                self._pdfs[path] = text_to_pdf(f"{self.title}: Dokument {path.rsplit('/', 1)[-1]}. "
                                               "Die Verwaltung legt die Unterlagen zur Sitzung vor.")
            return self._pdfs[path]

    def answer(self, handler: BaseHTTPRequestHandler, path: str) -> None:
        """Answer one GET for this town; ``path`` without the prefix the town is served under."""
        self.requests.append(path)
        pdf = self._document(path)
        if pdf is not None:
            status, body, headers = 200, pdf, {"Content-Type": "application/pdf"}
        else:
            status, body, headers = self.site.answer(path)
        send(handler, status, body, headers)


class Host:
    """One loopback port serving many towns under ``/<slug>/``, OParl and ALLRIS alike, measuring the load
    it sees."""

    def __init__(self) -> None:
        self.towns: dict[str, OParlServer | AllrisTown] = {}
        self.arrivals: list[float] = []  # wall-clock time of every request
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.name = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.base = f"http://{self.name}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def add(self, slug: str, **options: object) -> OParlServer:
        town = OParlServer(base=f"{self.base}/{slug}", **options)  # type: ignore[arg-type]
        self.towns[slug] = town
        return town

    def add_allris(self, slug: str, layout: str, title: str) -> AllrisTown:
        town = AllrisTown(f"{self.base}/{slug}", layout, title)
        self.towns[slug] = town
        return town

    def _handler(self):  # noqa: ANN202
        host = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                with host._lock:
                    host.arrivals.append(time.time())
                    host.in_flight += 1
                    host.max_in_flight = max(host.max_in_flight, host.in_flight)
                try:
                    slug, _, rest = self.path.lstrip("/").partition("/")
                    town = host.towns.get(slug)
                    if town is None:
                        self.send_error(404)
                    else:
                        town.answer(self, "/" + rest)
                finally:
                    with host._lock:
                        host.in_flight -= 1

        return Handler

    def max_per_second(self) -> int:
        """The most requests that arrived within any one second (a sliding window)."""
        times = sorted(self.arrivals)
        most, first = 0, 0
        for last, t in enumerate(times):
            while t - times[first] >= 1.0:
                first += 1
            most = max(most, last - first + 1)
        return most

    def report(self) -> dict[str, float | int]:
        span = (max(self.arrivals) - min(self.arrivals)) if len(self.arrivals) > 1 else 0.0
        return {"requests": len(self.arrivals), "max_per_second": self.max_per_second(),
                "max_in_flight": self.max_in_flight, "mean_per_second": round(len(self.arrivals) / span, 2)
                if span else 0.0}


@dataclass
class Council:
    slug: str
    title: str
    host: Host
    server: OParlServer | AllrisTown
    vendor: str
    fault: str | None

    @property
    def kind(self) -> str:
        return "allris" if isinstance(self.server, AllrisTown) else "oparl"

    @property
    def url(self) -> str:
        return self.server.url if isinstance(self.server, AllrisTown) else self.server.system_url

    def expected(self) -> dict[str, int]:
        """What the warehouse must hold for this council after one full crawl (an ALLRIS site: its meetings,
        agenda items, papers and files; its bodies and people have no list of their own to count against)."""
        if isinstance(self.server, AllrisTown):
            return self.server.expected()
        counts = self.server.town.counts()
        if self.fault == "object_for_list":
            counts["membership"] = 1  # a list answered with one object: that object is what was served
        if self.fault == "missing_orgs":
            counts["organization"] += self.server.faults.missing_orgs  # placeholders for the bodies never served
        return counts

    def served(self, kind: str) -> list[dict]:
        """The objects of an OParl town's kind as the server shows them (with its faults applied)."""
        assert isinstance(self.server, OParlServer), self.slug
        return [self.server._foreign(o) for o in self.server.town.objects[kind].values() if not o.get("deleted")]


@dataclass
class Simulation:
    """``councils`` towns on ``hosts`` ports; ``fault_share`` of the councils fails in each mode of ``faults``;
    ``allris_share`` of them (spread over the healthy ones and the hosts) are ALLRIS sites without OParl."""

    councils: int = 20
    hosts: int = 4
    fault_share: float = 0.05
    allris_share: float = 0.2
    faults: tuple[str, ...] = tuple(FAULTS)
    town: dict[str, int] = field(default_factory=lambda: dict(SMALL_TOWN))
    max_rps: float = 10.0
    concurrency: int = 2
    members: list[Council] = field(default_factory=list)
    servers: list[Host] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.servers = [Host() for _ in range(self.hosts)]
        per_mode = math.ceil(self.councils * self.fault_share) if self.fault_share else 0
        modes = [m for m in self.faults for _ in range(per_mode)][: self.councils]
        healthy = list(range(len(modes), self.councils))
        wanted = min(len(healthy), round(self.councils * self.allris_share))
        allris = {healthy[(j * len(healthy)) // wanted] for j in range(wanted)} if wanted else set()
        for i in range(self.councils):
            fault = modes[i] if i < len(modes) else None
            host = self.servers[i % self.hosts]
            place = PLACES[i % len(PLACES)]
            title = f"Stadt {place}" + (f" {i // len(PLACES) + 1}" if i >= len(PLACES) else "")
            slug = f"c{i:03d}"
            if i in allris:
                layout = ALLRIS_LAYOUTS[len([a for a in allris if a < i]) % len(ALLRIS_LAYOUTS)]
                town = host.add_allris(slug, layout, title)
                self.members.append(Council(slug, title, host, town, f"allris-html:{layout}", None))
                continue
            # a failing council is a plain server with small pages, so that its fault is met on every list
            vendor = "plain" if fault else VENDORS[i % len(VENDORS)]
            server = host.add(slug, vendor=vendor, page_size=5, body_name=title,
                              faults=FAULTS[fault]() if fault else None, **self.town)
            self.members.append(Council(slug, title, host, server, vendor, fault))

    def __enter__(self) -> Simulation:
        for h in self.servers:
            h.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for h in self.servers:
            h.httpd.shutdown()
            h.httpd.server_close()

    def endpoints(self) -> list[dict[str, str]]:
        """The OParl councils as a public endpoint list has them: title and url."""
        return [{"title": c.title, "url": c.url} for c in self.members if c.kind == "oparl"]

    def write_endpoints(self, path: Path) -> Path:
        path.write_text(json.dumps(self.endpoints(), ensure_ascii=False, indent=1), encoding="utf-8")
        return path

    def allris_sources(self, max_rps: float, concurrency: int) -> str:
        """The ALLRIS councils as sources.toml tables (no public list has them: they are written by hand)."""
        blocks = [f'[[source]]\nname = {json.dumps(c.title, ensure_ascii=False)}\nkind = "allris"\n'
                  f'url = {json.dumps(c.url)}\nmax_rps = {max_rps!r}\nconcurrency = {concurrency}\n'
                  'private_hosts = ["127.0.0.1"]\n' for c in self.members if c.kind == "allris"]
        return "\n".join(blocks)

    def write_sources(self, path: Path, max_rps: float, concurrency: int, time_budget: float | None = None) -> Path:
        """sources.toml as a user would make it: the OParl endpoints imported (grouped by host, a budget per
        host), the ALLRIS sites added by hand; loopback hosts are private addresses, so the sources say so.
        ``time_budget``: seconds each source may take (what ends a server that never stops answering)."""
        from ratsinfo.ops.sources import import_endpoints

        import_endpoints(path, self.endpoints(), max_rps=max_rps, concurrency=concurrency)
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        text = text.replace("private_hosts = []", 'private_hosts = ["127.0.0.1"]')
        for host in sorted({c.host.name for c in self.members if c.kind == "allris"}):
            if f'[host."{host}"]' not in text:  # a host of ALLRIS sites only
                text += f'\n[host."{host}"]\nmax_rps = {max_rps!r}\nconcurrency = {concurrency}\n'
        text += "\n" + self.allris_sources(max_rps, concurrency)
        if time_budget is not None:
            text = text.replace("[[source]]\n", f"[[source]]\ntime_budget = {float(time_budget)!r}\n")
        path.write_text(text, encoding="utf-8")
        return path

    def by_slug(self, slug: str) -> Council:
        return next(c for c in self.members if c.slug == slug)

    def host_reports(self) -> dict[str, dict[str, float | int]]:
        return {h.name: h.report() for h in self.servers}
