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
    def __init__(self, faults: AllrisFaults | None = None) -> None:
        self.faults = faults or AllrisFaults()
        self.requests: list[str] = []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.root = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = f"{self.root}/bi/"
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
                status, body, headers = server.route(self.path)
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler

    def route(self, path: str) -> tuple[int, bytes, dict[str, str]]:
        parts = urlsplit(path)
        q = {k.upper(): v[0] for k, v in parse_qs(parts.query).items()}
        program = parts.path.rsplit("/", 1)[-1].removesuffix(".asp")
        html = {"Content-Type": "text/html"}
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
