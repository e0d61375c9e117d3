"""A loopback OParl server serving a generated municipality, with real pagination,
``modified_since`` semantics (deleted objects appear only when it is given) and injectable
faults. Used by the tests and by bench/ (never the internet)."""

from __future__ import annotations

import json
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

T0 = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
TOPICS = ["Radverkehr", "Schulsanierung", "Spielplatz", "Haushalt", "Lärmschutz", "Kita-Ausbau", "Stadtgrün",
          "Sauberkeit", "Videoüberwachung", "Wohnungsbau", "Sportstätten", "Bürgerbeteiligung"]


def iso(d: datetime) -> str:
    return d.strftime("%Y-%m-%dT%H:%M:%S+00:00")


@dataclass
class Faults:
    spurious_500: set[str] = field(default_factory=set)   # list names whose 2nd page fails once with 500
    timeout_once: set[str] = field(default_factory=set)    # list names whose 1st page stalls once
    broken_json: set[str] = field(default_factory=set)     # list names whose 1st page has raw control characters
    truncated: set[str] = field(default_factory=set)       # list names whose last page is cut in half (always)
    object_for_list: set[str] = field(default_factory=set)  # list names answered with a single object
    list_for_page: set[str] = field(default_factory=set)   # list names answered with a bare JSON list
    error_404_when_filtered: bool = False                  # empty filtered lists answer 404 with an error body
    looping_next: set[str] = field(default_factory=set)    # list names whose last page links back to the first
    foreign_links: bool = False                            # objects point at another host and 169.254.169.254
    missing_orgs: int = 0                                  # organizations referenced but never served
    stall_seconds: float = 3.0
    # hostile modes
    wrong_types: bool = False       # fields of the wrong type: reference as a list, title as numbers, id as a number
    bad_next: set[str] = field(default_factory=set)       # list names whose last page has links.next as an object
    endless_next: set[str] = field(default_factory=set)   # list names whose last page leads to ever new empty pages
    slow_body: set[str] = field(default_factory=set)      # list names whose 2nd page body trickles, a byte at a time
    slow_headers: set[str] = field(default_factory=set)   # list names whose 2nd page headers trickle
    deep_json: set[str] = field(default_factory=set)      # list names whose 2nd page is nested 100,000 levels deep
    gzip_bomb: bool = False         # the first file is 100 MB of zeros gzipped
    private_name: bool = False      # a file linked through 'localhost', a name that resolves to a loopback address
    bad_urls: bool = False          # file URLs with a port out of range and with a control character
    trickle_interval: float = 0.2


class Municipality:
    """A generated town: organizations, persons, memberships, meetings with agenda items,
    papers with consultations and files."""

    def __init__(self, base: str, orgs: int = 12, persons: int = 30, meetings: int = 40, items_per_meeting: int = 5,
                 papers: int = 120, files_every: int = 3, pdf_pool: list[bytes] | None = None) -> None:
        self.pdf_pool = pdf_pool  # served round-robin instead of a one-page PDF per file (benchmarks)
        self.base = base.rstrip("/") + "/oparl"
        self.objects: dict[str, dict[str, dict]] = {k: {} for k in ("organization", "person", "membership",
                                                                    "meeting", "paper")}
        self.pdf_text: dict[str, str] = {}
        b = self.base
        body = f"{b}/body/1"
        kinds = ["Ausschuss", "Fraktion", "Beirat", "Arbeitsgruppe"]
        for i in range(orgs):
            kind = kinds[i % len(kinds)]
            name = {"Ausschuss": f"Ausschuss für {TOPICS[i % len(TOPICS)]}", "Fraktion": f"Fraktion Liste {i}",
                    "Beirat": f"Beirat {TOPICS[i % len(TOPICS)]}", "Arbeitsgruppe": f"AG {TOPICS[i % len(TOPICS)]}"}
            self._put("organization", {"id": f"{b}/organization/{i}", "type": "https://schema.oparl.org/1.1/Organization",
                                       "body": body, "name": name[kind], "classification": kind,
                                       "modified": iso(T0 + timedelta(minutes=i))})
        for i in range(persons):
            self._put("person", {"id": f"{b}/person/{i}", "type": "https://schema.oparl.org/1.1/Person",
                                 "body": body, "name": f"Person {i} Beispiel", "familyName": "Beispiel",
                                 "givenName": f"Person {i}", "modified": iso(T0 + timedelta(minutes=i))})
            self._put("membership", {"id": f"{b}/membership/{i}", "type": "https://schema.oparl.org/1.1/Membership",
                                     "person": f"{b}/person/{i}", "organization": f"{b}/organization/{i % orgs}",
                                     "role": "Mitglied", "startDate": "2019-06-01",
                                     "modified": iso(T0 + timedelta(minutes=i))})
        for i in range(papers):
            pid = f"{b}/paper/{i}"
            files = []
            if files_every and i % files_every == 0:
                fid = f"{b}/file/{i}"
                self.pdf_text[fid] = f"Vorlage {i}: {TOPICS[i % len(TOPICS)]}. Die Verwaltung berichtet."
                files.append({"id": fid, "type": "https://schema.oparl.org/1.1/File", "name": f"Vorlage {i}",
                              "fileName": f"vorlage-{i}.pdf", "mimeType": "pdf" if i % 2 else "application/pdf",
                              "accessUrl": f"{fid}.pdf", "downloadUrl": "",
                              "modified": iso(T0 + timedelta(hours=i))})
            org = i % orgs
            self._put("paper", {
                "id": pid, "type": "https://schema.oparl.org/1.1/Paper", "body": body,
                "name": f"{TOPICS[i % len(TOPICS)]} im Quartier {i % 9}", "reference": f"VO/{2020 + i % 4}/{i:04d}",
                "date": (T0 - timedelta(days=i)).strftime("%Y-%m-%d"),
                "paperType": "Anfrage" if i % 4 == 0 else "Beschlussvorlage",
                "underDirectionOf": [f"{b}/organization/{org}"],
                "originatorOrganization": [f"{b}/organization/{(org + 1) % orgs}"],
                "relatedPaper": [f"{b}/paper/{i - 1}"] if i % 4 == 1 else [],
                "mainFile": files[0] if files else None,
                "consultation": [{"id": f"{b}/consultation/{i}", "type": "https://schema.oparl.org/1.1/Consultation",
                                  "paper": pid, "organization": [f"{b}/organization/{org}"],
                                  "meeting": f"{b}/meeting/{i % meetings}", "role": "Vorberatung",
                                  "authoritative": i % 2 == 0}],
                "created": iso(T0 - timedelta(days=i)), "modified": iso(T0 + timedelta(hours=i))})
        item = 0
        for i in range(meetings):
            items = []
            for j in range(items_per_meeting):
                items.append({"id": f"{b}/agendaItem/{item}", "type": "https://schema.oparl.org/1.1/AgendaItem",
                              "meeting": f"{b}/meeting/{i}", "number": f"Ö {j + 1}", "order": j,
                              "name": f"{TOPICS[(i + j) % len(TOPICS)]} – Bericht",
                              "public": j != items_per_meeting - 1,
                              "result": "zur Kenntnis genommen" if j % 2 else "beschlossen",
                              "consultation": {"id": f"{b}/consultation/{item % papers}",
                                               "paper": f"{b}/paper/{item % papers}"}})
                item += 1
            start = T0 - timedelta(days=3 * i)
            self._put("meeting", {"id": f"{b}/meeting/{i}", "type": "https://schema.oparl.org/1.1/Meeting",
                                  "name": f"{i + 1}. Sitzung", "start": iso(start),
                                  "end": iso(start + timedelta(hours=2)),
                                  "organization": [f"{b}/organization/{i % orgs}"], "agendaItem": items,
                                  "location": {"id": f"{b}/location/1", "description": "Rathaus, Saal 1"},
                                  "modified": iso(T0 + timedelta(minutes=5 * i))})
        latest = max(datetime.fromisoformat(o["modified"]) for objs in self.objects.values() for o in objs.values())
        self.clock = latest + timedelta(days=1)  # changes happen after everything generated

    def _put(self, kind: str, obj: dict) -> None:
        self.objects[kind][obj["id"]] = obj

    def touch(self, obj: dict) -> None:
        self.clock += timedelta(minutes=1)
        obj["modified"] = iso(self.clock)

    def change(self, fraction: float = 0.01, deletes: int = 2, seed: int = 3) -> dict[str, list[str]]:
        """Change a fraction of papers and meetings, soft-delete a few papers; returns what changed."""
        rnd = random.Random(seed)
        changed: dict[str, list[str]] = {"paper": [], "meeting": [], "deleted": []}
        papers = sorted(self.objects["paper"])
        for pid in rnd.sample(papers, max(1, int(len(papers) * fraction))):
            self.objects["paper"][pid]["name"] += " (geändert)"
            self.touch(self.objects["paper"][pid])
            changed["paper"].append(pid)
        meetings = sorted(self.objects["meeting"])
        for mid in rnd.sample(meetings, max(1, int(len(meetings) * fraction))):
            self.objects["meeting"][mid]["name"] += " (verlegt)"
            self.touch(self.objects["meeting"][mid])
            changed["meeting"].append(mid)
        for pid in rnd.sample([p for p in papers if p not in changed["paper"]], deletes):
            obj = self.objects["paper"][pid]
            self.objects["paper"][pid] = {"id": pid, "deleted": True}  # Sternberg: no type on deleted entries
            self.objects["paper"][pid]["modified"] = obj["modified"]
            self.touch(self.objects["paper"][pid])
            changed["deleted"].append(pid)
        return changed

    def add_papers(self, n: int) -> list[str]:
        """New papers, appended after every other (servers that page oldest first show them last)."""
        b = self.base
        start = len(self.objects["paper"])
        out = []
        for i in range(start, start + n):
            self.clock += timedelta(minutes=1)
            pid = f"{b}/paper/{i}"
            self._put("paper", {"id": pid, "type": "https://schema.oparl.org/1.1/Paper", "body": f"{b}/body/1",
                                "name": f"Neue Anfrage {i}", "reference": f"VO/2025/{i:04d}", "date": "2025-01-02",
                                "paperType": "Anfrage", "consultation": [], "created": iso(self.clock),
                                "modified": iso(self.clock)})
            out.append(pid)
        return out

    def add_inquiries(self) -> dict[str, dict]:
        """Inquiries answered in each way real servers record it, and open ones; returns what a reader
        should conclude for each reference: status, answer, answered_on and asked_by."""
        b, body = self.base, f"{self.base}/body/1"
        faction = f"{b}/organization/inq-faction"
        self._put("organization", {"id": faction, "type": "https://schema.oparl.org/1.1/Organization", "body": body,
                                   "name": "Fraktion Bürgerliste", "classification": "Fraktion",
                                   "modified": iso(T0)})
        truth: dict[str, dict] = {}

        def paper(n: str, name: str, day: str, kind: str = "Anfrage", **extra: object) -> dict:
            obj = {"id": f"{b}/paper/inq-{n}", "type": "https://schema.oparl.org/1.1/Paper", "body": body,
                   "name": name, "reference": f"F{n}/24", "date": day, "paperType": kind, "consultation": [],
                   "created": f"{day}T09:00:00+01:00", "modified": iso(T0), **extra}
            self._put("paper", obj)
            return obj

        def filed(n: str, name: str, text: str | None = None, **dates: str) -> dict:
            fid = f"{b}/file/inq-{n}"
            self.pdf_text[fid] = text if text is not None else f"{name}."
            return {"id": fid, "type": "https://schema.oparl.org/1.1/File", "name": name, "fileName": f"{n}.pdf",
                    "mimeType": "application/pdf", "accessUrl": f"{fid}.pdf", **dates}

        def expect(ref: str, status: str, answer: str | None = None, on: str | None = None,
                   asked_by: str | None = None) -> None:
            truth[ref] = {"status": status, "answer": answer, "answered_on": on, "asked_by": asked_by}

        # 1. a statement paper under the inquiry (subordinatedPaper; the statement points back)
        q = paper("0101", "Anfrage der SPD-Fraktion zur Beleuchtung am Stadtpark", "2024-02-01",
                  subordinatedPaper=[f"{b}/paper/inq-S0101"])
        paper("S0101", "Beleuchtung am Stadtpark", "2024-02-20", "Stellungnahme", superordinatedPaper=[q["id"]])
        self.objects["paper"][f"{b}/paper/inq-S0101"]["reference"] = "S0101/24"
        expect("F0101/24", "answered", "S0101/24", "2024-02-20", "SPD-Fraktion")
        # 2. only the statement names its inquiry (superordinatedPaper); asker from the originator field
        q = paper("0102", "Öffnungszeiten der Stadtbibliothek", "2024-03-01", originatorOrganization=[faction])
        paper("S0102", "Öffnungszeiten der Stadtbibliothek", "2024-03-15", "Stellungnahme",
              superordinatedPaper=[q["id"]])
        self.objects["paper"][f"{b}/paper/inq-S0102"]["reference"] = "S0102/24"
        expect("F0102/24", "answered", "S0102/24", "2024-03-15", "Fraktion Bürgerliste")
        # 3. the administration's statement filed with the inquiry as a file, dated
        paper("0103", "Anfrage FW: Parkplätze am Bahnhof", "2024-04-02",
              mainFile=filed("0103a", "Anfrage"), auxiliaryFile=[filed("0103b", "Stellungnahme der Verwaltung",
                                                                       date="2024-04-19")])
        expect("F0103/24", "answered", "Stellungnahme der Verwaltung", "2024-04-19", "FW")
        # 4. a statement file known only by its creation time; asker from the first page of the inquiry's file
        paper("0104", "Lärmschutz an der Ringstraße", "2024-05-06",
              mainFile=filed("0104a", "Anfrage", "Fraktion Unabhängige Wähler\nAnfrage\nWie laut ist es?"),
              auxiliaryFile=[filed("0104b", "StN 14/2024", created="2024-05-28T10:00:00+02:00")])
        expect("F0104/24", "answered", "StN 14/2024", "2024-05-28", "Fraktion Unabhängige Wähler")
        # 5. answered orally in a meeting: the agenda item's result
        paper("0105", "Anfrage von Ratsfrau Beispiel zum Winterdienst", "2024-01-10")
        # 6. answered by a related paper of type Mitteilung
        paper("0106", "Anfrage der Fraktion Bürgerliste zu Schulbussen", "2024-06-03",
              relatedPaper=[f"{b}/paper/inq-M0106"])
        paper("M0106", "Schulbusse im Landkreis", "2024-06-24", "Mitteilung")
        self.objects["paper"][f"{b}/paper/inq-M0106"]["reference"] = "M0106/24"
        expect("F0106/24", "answered", "M0106/24", "2024-06-24", "Fraktion Bürgerliste")
        # open: nothing; a deferred agenda item; a related motion; only the inquiry's own file
        paper("0107", "Anfrage der CDU-Fraktion zu Radwegen", "2024-07-01")
        expect("F0107/24", "open", asked_by="CDU-Fraktion")
        paper("0108", "Spielplatz Nord", "2024-07-02", relatedPaper=[f"{b}/paper/inq-A0108"])
        paper("A0108", "Spielplatz Nord erneuern", "2024-07-03", "Antrag")
        self.objects["paper"][f"{b}/paper/inq-A0108"]["reference"] = "A0108/24"
        expect("F0108/24", "open")
        paper("0109", "Anfrage Gruppe Linke/Piraten: Mietspiegel", "2024-07-04",
              mainFile=filed("0109a", "Anfrage", "Gruppe Linke/Piraten\nAnfrage zum Mietspiegel"))
        expect("F0109/24", "open", asked_by="Gruppe Linke/Piraten")
        paper("0110", "Anfrage der SPD-Fraktion zu Baumfällungen", "2024-01-12")
        expect("F0110/24", "open", asked_by="SPD-Fraktion")
        items = [("0105", "mündlich beantwortet"), ("0110", "vertagt")]
        self._put("meeting", {"id": f"{b}/meeting/inq-1", "type": "https://schema.oparl.org/1.1/Meeting",
                              "name": "Sitzung des Rates", "start": "2024-01-25T17:00:00+01:00",
                              "organization": [f"{b}/organization/0"], "modified": iso(T0),
                              "agendaItem": [{"id": f"{b}/agendaItem/inq-{n}",
                                              "type": "https://schema.oparl.org/1.1/AgendaItem",
                                              "meeting": f"{b}/meeting/inq-1", "number": f"Ö 8.{i + 1}", "order": i,
                                              "name": "Anfragen", "public": True, "result": result,
                                              "consultation": {"id": f"{b}/consultation/inq-{n}",
                                                               "paper": f"{b}/paper/inq-{n}"}}
                                             for i, (n, result) in enumerate(items)]})
        expect("F0105/24", "answered", "mündlich beantwortet", "2024-01-25", "Ratsfrau Beispiel")
        return truth

    def answer_later(self, n: str, day: str) -> None:
        """The administration files a statement with an open inquiry."""
        obj = self.objects["paper"][f"{self.base}/paper/inq-{n}"]
        fid = f"{self.base}/file/inq-{n}-stn"
        obj["auxiliaryFile"] = [{"id": fid, "type": "https://schema.oparl.org/1.1/File", "name": "Stellungnahme",
                                 "mimeType": "application/pdf", "accessUrl": f"{fid}.pdf", "date": day}]
        self.pdf_text[fid] = "Stellungnahme der Verwaltung."
        self.touch(obj)

    def counts(self) -> dict[str, int]:
        live = {k: [o for o in v.values() if not o.get("deleted")] for k, v in self.objects.items()}
        return {"organization": len(live["organization"]), "person": len(live["person"]),
                "membership": len(live["membership"]), "meeting": len(live["meeting"]),
                "agenda_item": sum(len(m["agendaItem"]) for m in live["meeting"]),
                "paper": len(live["paper"]), "consultation": sum(len(p["consultation"]) for p in live["paper"]),
                "file": sum(1 for p in live["paper"] if p.get("mainFile"))}


class OParlServer:
    """ThreadingHTTPServer on 127.0.0.1 with a random port; use as a context manager."""

    def __init__(self, page_size: int = 25, faults: Faults | None = None, vendor: str = "plain",
                 separate_lists: bool = False, jitter: float = 0.0, seed: int = 0, base: str | None = None,
                 body_name: str = "Stadt Beispielhausen", hold: bool = False, **town: object) -> None:
        """``vendor``: plain; allris4 (ignores limit and modified_since, 10 objects a page oldest first, every
        object stamped 2000-01-01, links first/next/last); somacos (drops modified_since from 'next' links after
        page 2); sdnet (HTTP 400 when 'limit' is given, 25 a page). ``separate_lists``: consultations and agenda
        items are also listed on their own, the listed copies without the embedding's position and with other
        fields. ``jitter``: each answer waits up to that many seconds (seeded), so pages arrive in varied order.
        ``base``: serve under this URL from another server (one host of many towns, see tests/simulation.py)
        instead of listening on a port of its own. ``hold``: until ``release`` is set, each page of the paper
        list after the first is answered only after 8 s (inside the grace a client gives a slow server), and
        ``holding`` is set once a client waits there: a test acts mid-crawl for sure, however slow the machine."""
        self.vendor = vendor
        self.hold = hold
        self.holding, self.release = threading.Event(), threading.Event()
        self.separate_lists = separate_lists
        self.jitter = jitter
        self._rnd = random.Random(seed)
        self.page_size = 10 if vendor == "allris4" else 25 if vendor == "sdnet" else page_size
        self.faults = faults or Faults()
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self.hosts: list[str] = []  # the Host header of every request
        self._once: set[str] = set()
        self.body_name = body_name
        if base is None:
            self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
            self.httpd.daemon_threads = True
            self.port = self.httpd.server_address[1]
            self.base = f"http://127.0.0.1:{self.port}"
        else:
            self.base = base.rstrip("/")
            self.port = urlsplit(self.base).port or 80
        self.prefix = urlsplit(self.base).path  # '' when the town is served at the root
        self.town = Municipality(self.base, **town)
        if self.faults.gzip_bomb:
            gzip_bomb()  # made before serving, so that its first request is not slow
        if base is None:
            self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def system_url(self) -> str:
        return f"{self.town.base}/system"

    def __enter__(self) -> OParlServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _once_key(self, key: str) -> bool:
        if key in self._once:
            return False
        self._once.add(key)
        return True

    def _handler(self):  # noqa: ANN202
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.answer(self, self.path)

        return Handler

    def answer(self, handler: BaseHTTPRequestHandler, path: str) -> None:
        """Answer one GET for this town; ``path`` without the prefix the town is served under."""
        handler.path = path
        self.requests.append(path)
        if self.jitter:
            with self._lock:
                pause = self._rnd.random() * self.jitter
            time.sleep(pause)
        self.hosts.append(handler.headers.get("Host", ""))
        if self.hold and urlsplit(path).path.endswith("/paper") and "page=" in path and "page=1&" not in path \
                and not path.endswith("page=1"):
            self.holding.set()
            self.release.wait(8)
        try:
            if self.hostile(handler):
                return
            status, body, ctype = self.route(path)
        except Exception as exc:  # a bug in the test server shows as a 500 with the reason
            status, body, ctype = 500, json.dumps({"error": str(exc)}).encode(), "application/json"
        if status == -1:
            time.sleep(self.faults.stall_seconds)
            status, body, ctype = self.route(path, stalled=True)
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", ctype)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (timeout tests)

    def hostile(self, handler: BaseHTTPRequestHandler) -> bool:
        """Answer in one of the hostile modes if the request calls for one; True when answered."""
        f = self.faults
        parts = urlsplit(handler.path)
        name = parts.path.rsplit("/", 1)[-1]
        page = int(parse_qs(parts.query).get("page", ["1"])[0])
        listed = parts.path.startswith("/oparl/body/1/")
        w = handler.wfile
        try:
            if listed and page == 2 and name in f.slow_body:
                handler.send_response(200)
                handler.send_header("Content-Type", "application/json")
                handler.send_header("Content-Length", "100000")
                handler.end_headers()
                for _ in range(3000):
                    w.write(b" ")
                    w.flush()
                    time.sleep(f.trickle_interval)
                return True
            if listed and page == 2 and name in f.slow_headers:
                w.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                for _ in range(3000):
                    w.write(b"a")
                    w.flush()
                    time.sleep(f.trickle_interval)
                return True
            if listed and page == 2 and name in f.deep_json:
                body = b'{"data": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
                self._send(handler, 200, body, "application/json")
                return True
            if listed and page > 1 and name in f.endless_next and page * self.page_size >= \
                    len(self.town.objects.get(name, {})) + self.page_size:
                nxt = f"{self.town.base}/body/1/{name}?page={page + 1}"
                self._send(handler, 200, self._dump({"data": [], "links": {"next": nxt}}), "application/json")
                return True
            if f.gzip_bomb and parts.path == "/oparl/file/0.pdf":
                self._send(handler, 200, gzip_bomb(), "application/pdf", {"Content-Encoding": "gzip"})
                return True
        except (BrokenPipeError, ConnectionResetError):
            return True  # the client gave up: what these modes are for
        return False

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str,
              headers: dict[str, str] | None = None) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", ctype)
        handler.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            handler.send_header(k, v)
        handler.end_headers()
        handler.wfile.write(body)

    def route(self, path: str, stalled: bool = False) -> tuple[int, bytes, str]:
        parts = urlsplit(path)
        q = parse_qs(parts.query)
        t = self.town
        b = t.base
        p = parts.path
        js = "application/json; charset=utf-8"
        if p == "/oparl/system":
            return 200, self._dump({"id": f"{b}/system", "type": "https://schema.oparl.org/1.1/System",
                                    "oparlVersion": "https://schema.oparl.org/1.1/", "name": "N/A",
                                    "body": f"{b}/bodies", "created": "", "modified": "N/A"}), js
        if p == "/oparl/bodies":
            return 200, self._dump({"data": [self.body()], "links": {}}), js
        if p == "/oparl/body/1":
            return 200, self._dump(self.body()), js
        if p.startswith("/oparl/body/1/"):
            return self.list_page(p.rsplit("/", 1)[1], q, stalled)
        if p.startswith("/oparl/file/") and p.endswith(".pdf"):
            from ratsinfo.demo.pdfwriter import text_to_pdf

            n = p[len('/oparl/file/'):-4]
            fid = f"{b}/file/{n}"
            if fid not in t.pdf_text:
                return 404, b"not found", "text/plain"
            if t.pdf_pool:
                return 200, t.pdf_pool[int(n) % len(t.pdf_pool)], "application/pdf"
            return 200, text_to_pdf(t.pdf_text[fid]), "application/pdf"
        for kind in t.objects:
            if p.startswith(f"/oparl/{kind}/"):
                obj = t.objects[kind].get(f"{t.base}/{kind}/{p.rsplit('/', 1)[1]}")
                if obj is None:
                    return 404, self._dump({"error": "not found"}), js
                return 200, self._dump(obj), js
        return 404, self._dump({"error": "not found"}), js

    def body(self) -> dict:
        b = self.town.base
        body = {"id": f"{b}/body/1", "type": "https://schema.oparl.org/1.1/Body", "name": self.body_name,
                "system": f"{b}/system", "organization": f"{b}/body/1/organization", "person": f"{b}/body/1/person",
                "membership": f"{b}/body/1/membership", "meeting": f"{b}/body/1/meeting",
                "paper": f"{b}/body/1/paper", "legislativeTerm": [], "created": "", "modified": "N/A"}
        if self.separate_lists:
            body.update(consultation=f"{b}/body/1/consultation", agendaItem=f"{b}/body/1/agendaItem")
        return body

    def listed(self, name: str) -> list[dict]:
        """The objects of a list; consultations and agenda items as their own lists show other fields."""
        t = self.town
        if name == "consultation":
            out = []
            for p in t.objects["paper"].values():
                for c in p.get("consultation") or []:
                    out.append(dict(c, result="Kenntnis genommen", modified=p["modified"]))
            return out
        if name == "agendaItem":
            return [dict(i, result=None, modified=m["modified"]) for m in t.objects["meeting"].values()
                    for i in m.get("agendaItem") or []]
        objs = list(t.objects.get(name, {}).values())
        if self.vendor == "allris4":  # oldest first, every object stamped alike
            return [dict(o, created="2000-01-01T00:00:00+01:00", modified="2000-01-01T00:00:00+01:00") for o in objs]
        return sorted(objs, key=lambda o: o["id"])

    def embedded_view(self, obj: dict) -> dict:
        """Embedded consultations lack the role that their own list gives (abbreviated embedding)."""
        if self.separate_lists and isinstance(obj.get("consultation"), list):
            obj = dict(obj, consultation=[{k: v for k, v in c.items() if k != "role"} for c in obj["consultation"]])
        return obj

    def list_page(self, name: str, q: dict, stalled: bool) -> tuple[int, bytes, str]:
        f = self.faults
        js = "application/json; charset=utf-8"
        if self.vendor == "sdnet" and "limit" in q:
            return 400, self._dump({"error": "Parameter limit wird nicht unterstützt"}), js
        objs = [self.embedded_view(o) for o in self.listed(name)]
        since = q.get("modified_since", [None])[0]
        if self.vendor == "allris4":
            since = None  # ignored: every object would match anyway
        if since:
            cut = datetime.fromisoformat(since).replace(tzinfo=UTC) if "+" not in since else \
                datetime.fromisoformat(since)
            objs = [o for o in objs if datetime.fromisoformat(o["modified"]) >= cut]
        else:
            objs = [o for o in objs if not o.get("deleted")]
        objs = [self._foreign(o) for o in objs]
        page = int(q.get("page", ["1"])[0])
        size = self.page_size
        chunk = objs[(page - 1) * size: page * size]
        last = page * size >= len(objs)
        if since and not objs and f.error_404_when_filtered:
            return 404, self._dump({"error": "Keine Daten gefunden", "status": 404}), js
        if name in f.object_for_list:
            return 200, self._dump(objs[0] if objs else {}), js
        if name in f.list_for_page:
            return 200, self._dump(objs), js
        if name in f.timeout_once and page == 1 and not stalled and self._once_key(f"timeout:{name}"):
            return -1, b"", js
        if name in f.spurious_500 and page == 2 and self._once_key(f"500:{name}"):
            return 500, b"Internal Server Error", "text/plain"
        base = f"{self.town.base}/body/1/{name}"
        extra = f"&modified_since={since}" if since else ""
        if self.vendor == "somacos" and page >= 2:
            extra = ""  # Somacos drops the filter from its 'next' links after page 2
        links: dict = {}
        if self.vendor == "allris4":
            pages = max(1, -(-len(objs) // size))
            links.update(first=f"{base}?page=1", last=f"{base}?page={pages}")
        if not last or name in f.endless_next:
            links["next"] = f"{base}?page={page + 1}{extra}"
        elif name in f.looping_next and page > 1:
            links["next"] = f"{base}?page=1{extra}"
        elif name in f.bad_next:
            links["next"] = {"href": f"{base}?page={page + 1}"}
        body = self._dump({"data": chunk, "links": links, "pagination": {"currentPage": page}})
        if name in f.broken_json and page == 1:
            body = body.replace(b'"name": "', b'"name": "\x01\x02', 1)
        if name in f.truncated and last and page > 1:
            body = body[: len(body) // 2]
        return 200, body, js

    def _foreign(self, obj: dict) -> dict:
        f = self.faults
        if f.wrong_types:
            obj = wrong_types(obj)
        if f.private_name or f.bad_urls:
            obj = self._hostile_links(obj)
        if f.missing_orgs and obj.get("type", "").endswith("Meeting"):
            n = int(obj["id"].rsplit("/", 1)[1])
            if n < f.missing_orgs:
                obj = dict(obj, organization=[f"{self.town.base}/organization/missing-{n}"])
        if not f.foreign_links:
            return obj
        if obj.get("type", "").endswith("Paper") and obj["id"].endswith("/paper/0"):
            obj = dict(obj, mainFile={"id": "https://files.example.invalid/file/1", "type": "File", "name": "fremd",
                                      "accessUrl": "https://files.example.invalid/file/1.pdf"},
                       auxiliaryFile={"id": "http://169.254.169.254/latest/meta-data", "type": "File",
                                      "name": "metadata", "accessUrl": "http://169.254.169.254/latest/meta-data"},
                       relatedPaper=["http://169.254.169.254/paper/1"])
        return obj

    def _hostile_links(self, obj: dict) -> dict:
        if not obj.get("type", "").endswith("Paper") or not obj.get("mainFile"):
            return obj
        n = int(obj["id"].rsplit("/", 1)[1])
        port = self.port
        url = None
        if self.faults.private_name and n == 3:
            url = f"http://localhost:{port}/oparl/file/3.pdf"
        elif self.faults.bad_urls and n == 6:
            url = "http://127.0.0.1:99999/oparl/file/6.pdf"
        elif self.faults.bad_urls and n == 9:
            url = f"http://127.0.0.1:{port}/oparl/file/9\n.pdf"
        if url is None:
            return obj
        main = obj["mainFile"]
        return dict(obj, mainFile=[dict(m, accessUrl=url) for m in main] if isinstance(main, list)
                    else dict(main, accessUrl=url))

    @staticmethod
    def _dump(value: object) -> bytes:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")


def wrong_types(obj: dict) -> dict:
    """Fields of types the OParl schema does not allow, on a few objects of each kind."""
    t = obj.get("type", "")
    n = int(obj["id"].rsplit("/", 1)[1]) if obj["id"].rsplit("/", 1)[1].isdigit() else -1
    if t.endswith("Paper") and n == 1:
        return dict(obj, reference=["A", "B"], name={"de": "kein Text"}, date=20240101)
    if t.endswith("Paper") and n == 2:
        return dict(obj, consultation=5, relatedPaper={"id": 7}, mainFile=[1, 2])
    if t.endswith("Person") and n == 1:
        return dict(obj, title=[1, 2], name=None, familyName=["x"])
    if t.endswith("Person") and n == 2:
        return dict(obj, id=12345)
    if t.endswith("Organization") and n == 1:
        return dict(obj, name={"de": "x"}, shortName=3, subOrganizationOf=[1])
    if t.endswith("Meeting") and n == 1:
        return dict(obj, start=1700000000, agendaItem="nicht hier", location=["a"], organization={"id": []})
    return obj


_BOMB: list[bytes] = []


def gzip_bomb(megabytes: int = 100) -> bytes:
    """``megabytes`` of zeros, gzipped (about 1,000 to 1); made once per test session."""
    if not _BOMB:
        import zlib

        z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        zeros = bytes(1024 * 1024)
        _BOMB.append(b"".join(z.compress(zeros) for _ in range(megabytes)) + z.flush())
    return _BOMB[0]
