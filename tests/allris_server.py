"""A loopback ALLRIS 3 site serving the real Hamburg-Nord pages of ../shared/corpus/allris-html
under their own ids, with a calendar written for the tests, and injectable faults: a disabled
calendar program ("Zugriff verweigert" with HTTP 200), a paper behind a login redirect, a page cut
off in transfer. Links in the real pages are relative, so they point back at this server."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "allris-html"

# (program, id parameter, id) -> file of the real corpus (Hamburg-Nord and the root pages, one site)
PAGES = {
    ("to010", "SILFDNR", "1003143"): "root_to010.html",
    ("to010", "SILFDNR", "1003201"): "hamburg_nord/to010.html",
    ("to020", "TOLFDNR", "1036324"): "hamburg_nord/to020.html",
    ("vo020", "VOLFDNR", "1016851"): "hamburg_nord/vo020.html",
    ("au020", "AULFDNR", "1000005"): "hamburg_nord/au020.html",
    ("fr020", "FRLFDNR", "1120"): "hamburg_nord/fr020.html",
    ("vo040", None, None): "root_vo040.html",
    ("fr010", None, None): "root_fr010.html",
}
# meetings of the site by month, as the calendar lists them
MEETINGS = {(2025, 12): [("1003143", 11, "Sitzung der Bezirksversammlung")],
            (2025, 11): [("1003201", 3, "Sitzung des Regionalausschusses Langenhorn-Fuhlsbüttel-Ohlsdorf-Alsterdorf-"
                                        "Groß Borstel")],
            (2025, 3): [("1003234", 12, "Sitzung des Regionalausschusses Langenhorn-Fuhlsbüttel-Ohlsdorf-Alsterdorf-"
                                        "Groß Borstel")]}

HEAD = ('<?xml version="1.0" encoding="iso-8859-1"?><html><head><meta http-equiv="content-type" '
        'content="text/html; charset=iso-8859-1" /><title>{title}</title></head><body><div id="allriscontainer" '
        'class="{program}"><div id="rishead"><p class="topHeadline">Bezirksversammlung Hamburg-Nord</p></div>'
        '<div id="risname"><h1>{title}</h1></div>')
TAIL = "</div></body></html>"


@dataclass
class AllrisFaults:
    denied_programs: set[str] = field(default_factory=lambda: {"si010_e"})
    login_papers: set[str] = field(default_factory=lambda: {"1016846"})
    truncated: set[tuple[str, str]] = field(default_factory=set)  # (program, id)


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]) -> None:
    """Answer one request; a client that gave up waiting is no error of the server."""
    try:
        handler.send_response(status)
        for k, v in headers.items():
            handler.send_header(k, v)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass


def calendar(year: int, month: int) -> str:
    rows = []
    for mid, day, name in MEETINGS.get((year, month), []):
        rows.append(f'<tr class="zl11"><td class="text2">Mo</td><td class="text2">{day}</td><td class="text2">17:30 - '
                    f'20:00</td><td><a href="to010.asp?SILFDNR={mid}">{name}</a></td></tr>')
    body = '<table class="tl1">' + "".join(rows) + "</table>"
    return HEAD.format(title="Sitzungskalender", program="si010_a") + body + TAIL


def meeting_1003234() -> str:
    """The meeting the real to020 page belongs to; its own page is not in the corpus."""
    return (HEAD.format(title="Tagesordnung - Sitzung des Regionalausschusses", program="to010") +
            '<table class="tk1"><tr><td class="kb1">Bezeichnung:</td><td class="text1">Sitzung des '
            'Regionalausschusses Langenhorn-Fuhlsbüttel-Ohlsdorf-Alsterdorf-Groß Borstel</td></tr>'
            '<tr><td class="kb1">Datum:</td><td class="text2">Mi, 12.03.2025</td></tr>'
            '<tr><td class="kb1">Zeit:</td><td class="text2">18:00 - 20:00</td></tr></table>'
            '<table class="tl1"><tr class="zl12"><td class="text4">Ö&nbsp;2</td><td>&nbsp;</td>'
            '<td><a href="to020.asp?TOLFDNR=1036324">Genehmigung der Niederschrift vom 05.02.2025</a></td></tr></table>'
            + TAIL)


DENIED = HEAD.format(title="Zugriff verweigert", program="si010_e") + "<p>Zugriff verweigert</p>" + TAIL
LOGIN = ('<html><head><meta charset="utf-8"><title>Anmeldung</title></head><body><form action="login.asp" '
         'method="post"><input name="user"><input type="password" name="pw"></form></body></html>')


class AllrisServer:
    def __init__(self, faults: AllrisFaults | None = None, layout: str = "allris3") -> None:
        self.faults = faults or AllrisFaults()
        self.layout = layout
        self.site = ModernSite(layout) if layout != "allris3" else None
        self.requests: list[str] = []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.root = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = f"{self.root}/public/" if layout == "allris4" else f"{self.root}/bi/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> AllrisServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self):  # noqa: ANN202
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.requests.append(self.path)
                send(self, *server.route(self.path))

        return Handler

    def route(self, path: str) -> tuple[int, bytes, dict[str, str]]:
        parts = urlsplit(path)
        q = {k.upper(): v[0] for k, v in parse_qs(parts.query).items()}
        program = parts.path.rsplit("/", 1)[-1].removesuffix(".asp")
        html = {"Content-Type": "text/html"}
        if self.site is not None:
            return self.site.answer(path)
        f = self.faults
        if program.startswith("si010"):
            if program in f.denied_programs:
                return 200, DENIED.encode("iso-8859-1"), html
            y, m = int(q.get("YY", "2025")), int(q.get("MM", "1"))
            return 200, calendar(y, m).encode("iso-8859-1"), html
        if program == "login":
            return 200, LOGIN.encode(), html
        if program == "vo020" and q.get("VOLFDNR") in f.login_papers:
            return 302, b"", {"Location": f"{self.root}/bi/login.asp?return=vo020"}
        if program == "to010" and q.get("SILFDNR") == "1003234":
            return 200, meeting_1003234().encode("iso-8859-1"), html
        for (prog, param, ident), name in PAGES.items():
            if prog == program and (param is None or q.get(param) == ident):
                data = (CORPUS / name).read_bytes()
                if (prog, ident or "") in f.truncated:
                    data = data[: len(data) // 2]
                return 200, data, html
        return 404, b"<html><body>Seite nicht gefunden</body></html>", html


def in_corpus() -> bool:
    return CORPUS.is_dir()


TODAY = date(2026, 1, 15)  # the crawl's "today": the re-read window is October 2025 to April 2026


# --- ALLRIS 4 and responsive ALLRIS 3 -----------------------------------------------------------------------------
# The markup follows the real pages of ../shared/corpus/allris-real (Laatzen, ALLRIS net 4.1.5: div#allris,
# "Grunddaten" dl/dt/dd, a Beratungsfolge table whose status-and-body rows alternate with meeting rows, the agenda
# in td.tonr/td.tobetreff/td.tovonr, Wicket document links; Giesen, responsive ALLRIS 3: div#allris.si010,
# table.calenderView with span.dom). The town, bodies, papers and all text are written for the tests.

SITE_MEETINGS = [
    # id, day, time, body, body id, meeting name, items: (item id, number, title, paper reference or None)
    ("2001", date(2025, 11, 4), "18:00", "Bauausschuss", "5", "Sitzung des Bauausschusses",
     [("3001", "Ö 1", "Eröffnung und Feststellung der Beschlussfähigkeit", None),
      ("3002", "Ö 2", "Neubau der Grundschule am Lindenweg", "2025/101"),
      ("3003", "Ö 3", "Radweg entlang der Mühlenstraße", "2025/102"),
      ("3004", "N 4", "Grundstücksangelegenheit", None)]),
    ("2002", date(2025, 12, 9), "19:00", "Rat der Gemeinde Beispielstadt", "1", "Sitzung des Rates",
     [("3005", "Ö 1", "Einwohnerfragestunde", None),
      ("3006", "Ö 2", "Neubau der Grundschule am Lindenweg", "2025/101"),
      ("3007", "Ö 3", "Haushaltssatzung 2026", "2025/110")]),
]
SITE_PAPERS = {
    # id: reference, kind, title, under direction of, author label, author, date as printed, consultations
    "4101": ("2025/101", "Beschlussvorlage", "Neubau der Grundschule am Lindenweg", "60 Bauamt", "Verfasser/in",
             "Amt für Schulen", "20.10.2025", [("Bauausschuss", "Vorberatung", "Erledigt", "2001", "empfohlen"),
                                               ("Rat der Gemeinde Beispielstadt", "Entscheidung", "Geplant", "2002",
                                                "")]),
    "4102": ("2025/102", "Antrag", "Radweg entlang der Mühlenstraße", "66 Tiefbauamt", "Berichterstatter/in",
             "Fraktion Beispielliste", "Oct 21, 2025", [("Bauausschuss", "Vorberatung", "Erledigt", "2001",
                                                         "vertagt")]),
    "4110": ("2025/110", "Beschlussvorlage", "Haushaltssatzung 2026", "20 Kämmerei", "1. Berichterstattung",
             "Bürgermeisterin", "2025 Nov 20", [("Rat der Gemeinde Beispielstadt", "Entscheidung", "Geplant", "2002",
                                                 "")]),
    "4120": ("K 2025/0120", "Schriftliche Kenntnisgabe", "Bericht über die Schulwegsicherung", "32 Ordnungsamt",
             "Vorstand", "Dezernat II", "03.11.2025", []),
}
SITE_MEMBERS = [("901", "Beispiel, Anna", "Vorsitz"), ("902", "Muster, Bernd", "Mitglied"),
                ("903", "Probe, Clara", "Mitglied")]


class ModernSite:
    """One council's ALLRIS site in the ALLRIS 4 (``/public/prog?…``) or responsive (``/bi/prog_r.asp?…``)
    layout."""

    def __init__(self, layout: str, meetings: list | None = None) -> None:
        """``meetings``: the site's meetings in the form of SITE_MEETINGS (default: those)."""
        self.layout = layout
        self.v4 = layout == "allris4"
        self.meetings = meetings if meetings is not None else SITE_MEETINGS

    def href(self, program: str, query: str = "") -> str:
        return (f"./{program}" if self.v4 else f"{program}_r.asp") + (f"?{query}" if query else "")

    def ref(self, pid: str) -> str:
        ref = SITE_PAPERS[pid][0]
        return ref if self.v4 or " " in ref else "VO/" + ref

    def page(self, program: str, title: str, h1: str, content: str, query: str = "") -> str:
        if self.v4:
            return ('<!DOCTYPE html>\n<html lang="de" xmlns="http://www.w3.org/1999/xhtml"><head><meta '
                    'content="text/html; charset=utf-8" http-equiv="Content-Type"/><meta content="ALLRIS net Version '
                    f'4.1.5 (4150026) - 17.01.2025" name="description"/><title>ALLRIS - {title}</title></head><body>'
                    f'<div id="allris"><div id="top"><span id="logo" title="ALLRIS 4 - Gemeinde Beispielstadt"></span>'
                    f'<div id="search"><form action="./{program}?0-1.-head-searchform&amp;{query}" id="searchform" '
                    'method="post"></form></div></div><nav id="navMenu"><a href="./si010">Kalender</a> '
                    '<a href="./vo040">Vorlagen</a></nav><main id="pageContent"><div id="readOut"><div class="header">'
                    f'<h1 class="title">{h1}</h1></div>{content}</div></main></div></body></html>')
        return ('<!DOCTYPE HTML>\n<html lang="de" class="frontend"><head><meta charset="ISO-8859-15"><title>'
                f'{title}</title></head><body><div id="allris" class="{program} normal"><h1 class="title">{h1}</h1>'
                f'{content}</div></body></html>')

    @staticmethod
    def row(label: str, value: str, ident: str = "") -> str:
        return (f'<div class="row"><dl><dt class="colTitle"><span class="label">{label}:</span></dt><dd '
                f'class="colEntry"><span class="text4" id="{ident}">{value}</span></dd></dl></div>')

    def calendar(self, year: int, month: int) -> str:
        rows = []
        for mid, day, time, _body, _bid, name, _items in self.meetings:
            if (day.year, day.month) != (year, month):
                continue
            rows.append(f'<tr class="even"><td class="nowrapContent"><span class="dow">Di</span><span class="dom">'
                        f'{day.day}</span></td><td class="time"><div>{time}</div></td><td class="textCol"><a href="'
                        f'{self.href("to010", "SILFDNR=" + mid)}">{name}</a></td><td class="raum"><div>Rathaus, '
                        'Sitzungssaal</div></td></tr>')
        table = ('<table class="calenderView hoverRow stickyHeader"><tbody>' + "".join(rows) + "</tbody></table>"
                 if rows else "<p>Keine Sitzungen in diesem Monat</p>")
        return self.page("si010", "Kalender", f"Sitzungskalender {month:02d}/{year}", table,
                         f"MM={month}&amp;YY={year}")

    def meeting(self, mid: str) -> str | None:
        m = next((m for m in self.meetings if m[0] == mid), None)
        if m is None:
            return None
        _mid, day, time, body, bid, name, items = m
        head = (self.row("Betreff", f'<p>{name}</p>', "sibetreff")
                + self.row("Gremium", f'<a href="{self.href("gr020", "GRLFDNR=" + bid)}">{body}</a>', "sigremium")
                + self.row("Datum", f'<a>Di., {day:%d.%m.%Y}</a>', "sidatum") + self.row("Uhrzeit", time, "sizeit")
                + self.row("Raum", "Rathaus, Sitzungssaal", "siraum"))
        docs = ('<aside class="documents"><ul><li><a class="doclink pdf" href="./wicket/resource/org.apache.wicket.'
                f'Application/doc9{mid}.pdf">Einladung</a></li></ul></aside>' if self.v4 else
                f'<aside class="documents"><ul><li><a class="doclink pdf" href="do027.asp?DOLFDNR=9{mid}">Einladung'
                '</a></li></ul></aside>')
        rows = ['<tr class="even beratung"><td class="tonr"></td><td class="tobetreff"><div><p>Öffentlicher Teil</p>'
                '</div></td><td class="tovonr"></td></tr>']
        for tid, number, title, paper in items:
            num = (f'<a href="#" id="link_{tid}">{number}</a>' if self.v4 else
                   f'<a href="{self.href("to020", "TOLFDNR=" + tid)}">{number}</a>')
            pid = next((k for k, v in SITE_PAPERS.items() if v[0] == paper), None)
            vo = f'<a href="{self.href("vo020", "VOLFDNR=" + pid + "&amp;TOLFDNR=" + tid)}">{self.ref(pid)}</a>' \
                if pid else ""
            rows.append(f'<tr class="odd"><td class="tonr"><div>{num}</div></td><td class="tobetreff"><div><a>{title}'
                        f'<span class="zusatzinfo"></span></a></div></td><td class="tovonr"><div>{vo}</div></td></tr>')
        table = ('<div id="mainContent"><table class="dataTable toTable" id="toTreeTable"><caption>Tagesordnung'
                 '</caption><thead><tr class="headers"><th class="tonr">TOP</th><th class="tobetreff">Betreff</th>'
                 '<th class="tovonr">Vorlage</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>")
        return self.page("to010", "Sitzung", f"{body} - {day:%d.%m.%Y}",
                         f'<div id="head"><div id="headLeft">{head}</div><div id="headRight">{docs}</div></div>'
                         + table, "SILFDNR=" + mid)

    def item(self, tid: str) -> str | None:
        for mid, day, _time, body, _bid, name, items in self.meetings:
            for t, number, title, paper in items:
                if t != tid:
                    continue
                pid = next((k for k, v in SITE_PAPERS.items() if v[0] == paper), None)
                head = (self.row("TOP", number, "tonr") + self.row("Betreff", title, "tobetreff")
                        + self.row("Gremium", body) + self.row("Datum", f"{day:%d.%m.%Y}")
                        + self.row("Sitzung", f'<a href="{self.href("to010", "SILFDNR=" + mid)}">{name}</a>'))
                if pid:
                    head += self.row("Vorlage", f'<a href="{self.href("vo020", "VOLFDNR=" + pid)}">'
                                                f'{self.ref(pid)}</a>')
                return self.page("to020", "Tagesordnungspunkt", f"TOP {number} - {title}", head, "TOLFDNR=" + tid)
        return None

    def paper(self, pid: str) -> str | None:
        if pid not in SITE_PAPERS:
            return None
        ref, kind, title, direction, label, author, printed, consultations = SITE_PAPERS[pid]
        shown = self.ref(pid)
        h1 = f"{kind} - {shown}" if self.v4 else f"{shown} - {kind}"
        head = (self.row("Betreff", f"<p>{title}</p>", "vobetreff") + self.row("Status", "öffentlich", "vostatus")
                + self.row("Vorlageart", kind, "voart") + self.row("Federführend", direction, "vofamt")
                + self.row(label, author) + self.row("Datum", printed))
        if self.v4:
            docs = ('<aside class="documents"><ul><li><a class="doclink pdf" href="./wicket/resource/org.apache.'
                    f'wicket.Application/doc8{pid}.pdf">Vorlage</a></li></ul></aside><aside class="attachments"><ul>'
                    f'<li><a class="attlink pdf" href="./vo020?0--anlagenHeaderPanel-attachmentsList-0-attachment-link'
                    f'&amp;VOLFDNR={pid}">Anlage 1 Lageplan</a></li></ul></aside>')
        else:
            docs = (f'<aside class="documents"><ul><li><a class="doclink pdf" href="do027.asp?DOLFDNR=8{pid}">Vorlage'
                    f'</a></li></ul></aside><aside class="attachments"><ul><li><a href="___tmp/tmp/45/{pid}/'
                    'Anlage1.pdf">Anlage 1 Lageplan</a></li></ul></aside>')
        rows = []
        for body, role, status, mid, result in consultations:
            day, name = next((m[1], m[5]) for m in self.meetings if m[0] == mid)
            rows.append(f'<tr class="even"><td class="colorCol"><div><span class="wfcolorDescIcon">●</span><span '
                        f'class="wfcolorDesc">{status}</span></div></td><td><div> </div></td><td><div>{body}</div>'
                        f'</td><td><div>{role}</div></td></tr>')
            rows.append(f'<tr class="odd"><td class="colorCol"><div> </div></td><td class="date"><div>'
                        f'{day:%d.%m.%Y}</div></td><td><div><a href="{self.href("to010", "SILFDNR=" + mid)}">{name}'
                        f'</a></div></td><td><div><a>{result}</a></div></td></tr>')
        bf = ('<div id="mainContent"><h2 class="expandedTitle">Beratungsfolge</h2><table class="dataTable bfTable">'
              '<caption>Beratungsfolge</caption><thead><tr class="headers"><th class="colorCol">Status</th><th>Datum'
              '</th><th>Gremium</th><th>Beschluss</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>"
              '<h2 class="expandedTitle">Sachverhalt</h2><div class="docPart"><p>Sachverhalt:</p><p>Die Verwaltung '
              f'legt die Vorlage {shown} zur Beratung vor.</p></div></div>')
        return self.page("vo020", "Vorlage", h1, f'<div id="head"><div id="headLeft">{head}</div><div id="headRight">'
                         f'{docs}</div></div>' + bf, "VOLFDNR=" + pid)

    def paper_list(self) -> str:
        rows = "".join(f'<tr><td><a href="{self.href("vo020", "VOLFDNR=" + pid)}">{self.ref(pid)}</a></td><td>{v[2]}'
                       f'</td></tr>' for pid, v in SITE_PAPERS.items())
        return self.page("vo040", "Vorlagen", "Vorlagen", f'<table class="dataTable">{rows}</table>')

    def roster(self, program: str, ident: str) -> str | None:
        name = {"5": "Bauausschuss", "1": "Rat der Gemeinde Beispielstadt", "7": "Fraktion Beispielliste"}.get(ident)
        if name is None:
            return None
        rows = "".join(f'<tr><td><a href="{self.href("kp020", "KPLFDNR=" + k)}">{n}</a></td><td>{r}</td></tr>'
                       for k, n, r in SITE_MEMBERS)
        return self.page(program, "Gremium", name, f'<table class="dataTable">{rows}</table>')

    def person(self, kid: str) -> str | None:
        """kp020: a member's name and the bodies they sit in, with role and dates."""
        member = next((m for m in SITE_MEMBERS if m[0] == kid), None)
        if member is None:
            return None
        last, _, first = member[1].partition(", ")
        rows = (f'<tr><td><a href="{self.href("gr020", "GRLFDNR=5")}">Bauausschuss</a></td><td>{member[2]}</td>'
                f'<td>01.11.2021</td></tr><tr><td><a href="{self.href("fr020", "FRLFDNR=7")}">Fraktion '
                'Beispielliste</a></td><td>Mitglied</td><td>01.11.2021</td><td>31.10.2026</td></tr>')
        return self.page("kp020", "Person", "Person", self.row("Name", last, "kpname") + self.row(
            "Vorname", first, "kpvorname") + f'<table class="dataTable">{rows}</table>', "KPLFDNR=" + kid)

    def faction_list(self) -> str:
        return self.page("fr010", "Fraktionen", "Fraktionen", f'<table class="dataTable"><tr><td><a href="'
                         f'{self.href("fr020", "FRLFDNR=7")}">Fraktion Beispielliste</a></td></tr></table>')

    def route(self, program: str, q: dict[str, str]) -> str | None:
        if program == "si010":
            return self.calendar(int(q.get("YY", "2025")), int(q.get("MM", "1")))
        if program == "to010":
            return self.meeting(q.get("SILFDNR", ""))
        if program == "to020":
            return self.item(q.get("TOLFDNR", ""))
        if program == "vo020":
            return self.paper(q.get("VOLFDNR", ""))
        if program == "vo040":
            return self.paper_list()
        if program == "fr010":
            return self.faction_list()
        if program == "kp020":
            return self.person(q.get("KPLFDNR", ""))
        if program in ("gr020", "au020", "fr020"):
            return self.roster(program, q.get("GRLFDNR") or q.get("AULFDNR") or q.get("FRLFDNR") or "")
        return None

    def answer(self, path: str) -> tuple[int, bytes, dict[str, str]]:
        """(status, body, headers) for a GET of ``path`` (the site's own path, from its root)."""
        parts = urlsplit(path)
        q = {k.upper(): v[0] for k, v in parse_qs(parts.query).items()}
        program = parts.path.rsplit("/", 1)[-1].removesuffix(".asp")
        html = {"Content-Type": "text/html"}
        if self.v4 != parts.path.startswith("/public/") or (not self.v4 and not program.endswith("_r")):
            return 404, b"<html><body>Seite nicht gefunden</body></html>", html
        page = self.route(program.removesuffix("_r"), q)
        if page is None:
            return 404, b"<html><body>Seite nicht gefunden</body></html>", html
        return 200, page.encode("utf-8" if self.v4 else "iso-8859-15", "xmlcharrefreplace"), html

    def items(self) -> set[str]:
        return {t for m in self.meetings for t, *_ in m[6]}
