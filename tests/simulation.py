"""Councils at national scale, on loopback: N generated towns served by M hosts (ports), several towns
per host as on the real OParl hosts, of mixed vendor flavours, a share of them failing in each way the
OParl ingest handles. Every host measures what politeness means to it: the requests it received in any
one second and the most it answered at once. Used by tests/scale and bench/scale.py (never the internet).
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.oparl_server import Faults, OParlServer

VENDORS = ("plain", "allris4", "somacos", "sdnet")
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
    "gzip_bomb": lambda: Faults(gzip_bomb=True),
    "bad_urls": lambda: Faults(bad_urls=True),
}
# faults after which every object served is still stored (the ingest recovers or fills the gap)
RECOVERED = {"spurious_500", "timeout_once", "broken_json", "list_for_page", "looping_next", "truncated",
             "missing_orgs", "foreign_links", None}
SMALL_TOWN = {"orgs": 4, "persons": 8, "meetings": 6, "items_per_meeting": 3, "papers": 15, "files_every": 5}


class Host:
    """One loopback port serving many towns under ``/<slug>/``, measuring the load it sees."""

    def __init__(self) -> None:
        self.towns: dict[str, OParlServer] = {}
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
    server: OParlServer
    vendor: str
    fault: str | None

    @property
    def url(self) -> str:
        return self.server.system_url

    def expected(self) -> dict[str, int]:
        """What the warehouse must hold for this council after one full crawl."""
        counts = self.server.town.counts()
        if self.fault == "object_for_list":
            counts["membership"] = 1  # a list answered with one object: that object is what was served
        if self.fault == "missing_orgs":
            counts["organization"] += self.server.faults.missing_orgs  # placeholders for the bodies never served
        return counts

    def served(self, kind: str) -> list[dict]:
        """The objects of a kind as the server shows them (with its faults applied)."""
        return [self.server._foreign(o) for o in self.server.town.objects[kind].values() if not o.get("deleted")]


@dataclass
class Simulation:
    """``councils`` towns on ``hosts`` ports; ``fault_share`` of the councils fails in each mode of ``faults``."""

    councils: int = 20
    hosts: int = 4
    fault_share: float = 0.05
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
        for i in range(self.councils):
            fault = modes[i] if i < len(modes) else None
            host = self.servers[i % self.hosts]
            place = PLACES[i % len(PLACES)]
            title = f"Stadt {place}" + (f" {i // len(PLACES) + 1}" if i >= len(PLACES) else "")
            slug = f"c{i:03d}"
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
        """The councils as a public endpoint list has them: title and url."""
        return [{"title": c.title, "url": c.url} for c in self.members]

    def write_endpoints(self, path: Path) -> Path:
        path.write_text(json.dumps(self.endpoints(), ensure_ascii=False, indent=1), encoding="utf-8")
        return path

    def by_slug(self, slug: str) -> Council:
        return next(c for c in self.members if c.slug == slug)

    def host_reports(self) -> dict[str, dict[str, float | int]]:
        return {h.name: h.report() for h in self.servers}
