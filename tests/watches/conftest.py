"""A town on a loopback OParl server, read once, with watches of a search, a body and a paper; a
real SMTP server on loopback that keeps what it receives; and the changes a refresh then brings."""

from __future__ import annotations

import copy
import shutil
import socket
import threading
from dataclasses import dataclass, field
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from ratsinfo.ops.refresh import refresh
from ratsinfo.ops.sources import SourceConfig
from ratsinfo.warehouse.db import connect
from ratsinfo.watches import manage
from ratsinfo.watches.settings import MailSettings
from tests.oparl_server import OParlServer, iso

PAPER = "https://schema.oparl.org/1.1/Paper"
MEETING = "https://schema.oparl.org/1.1/Meeting"
AGENDA_ITEM = "https://schema.oparl.org/1.1/AgendaItem"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """aiosmtpd handler: keeps every message; ``on_data`` runs before the server answers 250."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.on_data = None
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802
        with self.lock:
            self.messages.append(message_from_bytes(envelope.original_content or envelope.content,
                                                    policy=policy.default))
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        if self.on_data:
            self.on_data()
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


@dataclass
class SmtpServer:
    port: int
    inbox: Inbox
    controller: Controller | None = None

    def start(self) -> SmtpServer:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller:
            self.controller.stop()
            self.controller = None

    def settings(self, tmp_path: Path) -> MailSettings:
        return MailSettings(host="127.0.0.1", port=self.port, starttls=False, sender="ratsinfo@example.org",
                            outbox=tmp_path / "outbox")


@pytest.fixture
def smtp():
    srv = SmtpServer(free_port(), Inbox()).start()
    yield srv
    srv.stop()


@dataclass
class Town:
    """The OParl server, the warehouse and the watches of two people on it."""

    srv: OParlServer
    db: Path
    home: Path
    source: SourceConfig
    watch_ids: dict[str, int] = field(default_factory=dict)

    def refresh(self, mail: MailSettings):  # noqa: ANN201
        return refresh(self.db, self.home, [self.source], mail=mail)

    def tick(self) -> str:
        self.srv.town.clock += timedelta(minutes=1)
        return iso(self.srv.town.clock)

    def add_paper(self, n: int, name: str, paper_type: str, **extra: object) -> str:
        b = self.srv.town.base
        pid = f"{b}/paper/{n}"
        self.srv.town._put("paper", {"id": pid, "type": PAPER, "body": f"{b}/body/1", "name": name,
                                     "reference": f"VO/2025/{n:04d}", "date": "2025-02-03", "paperType": paper_type,
                                     "consultation": [], "modified": self.tick(), **extra})
        return pid

    def add_meeting(self, n: int, org: int, items: int) -> str:
        b = self.srv.town.base
        mid = f"{b}/meeting/{n}"
        agenda = [{"id": f"{b}/agendaItem/{n}{j}", "type": AGENDA_ITEM, "meeting": mid, "number": f"Ö {j + 1}",
                   "order": j, "name": f"Punkt {j + 1}"} for j in range(items)]
        self.srv.town._put("meeting", {"id": mid, "type": MEETING, "name": f"{n}. Sitzung",
                                       "start": "2025-03-05T18:00:00+00:00",
                                       "organization": [f"{b}/organization/{org}"], "agendaItem": agenda,
                                       "modified": self.tick()})
        return mid

    def bring_news(self) -> None:
        """A paper the search finds, an answer to the watched inquiry, a new meeting of the watched body."""
        b = self.srv.town.base
        self.add_paper(500, "Sichere Radwege zu den Grundschulen", "Antrag")
        self.add_paper(501, "Beantwortung der Anfrage", "Antwort", relatedPaper=[f"{b}/paper/4"])
        self.add_paper(502, "Neue Bänke im Stadtpark", "Antrag")  # matches no watch
        self.add_meeting(500, org=0, items=3)
        self.add_meeting(501, org=1, items=2)  # another body


A, B = "anna@example.org", "ben@example.org"


@dataclass
class Template:
    """A warehouse and the server's objects at one moment, to start tests from."""

    db: Path
    home: Path
    objects: dict
    clock: object

    def restore(self, t: Town, tmp_path: Path) -> Town:
        t.srv.town.objects = copy.deepcopy(self.objects)
        t.srv.town.clock = self.clock
        tmp_path.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.db, tmp_path / "w.duckdb")
        shutil.copytree(self.home, tmp_path / "home")
        return Town(t.srv, tmp_path / "w.duckdb", tmp_path / "home", t.source, dict(t.watch_ids))


@pytest.fixture(scope="session")
def _towns(tmp_path_factory):
    """Made once: the town after its first load with the watches added ("read"), and after a refresh that
    brought the news, with nothing delivered yet ("news"). Tests start from copies."""
    folder = tmp_path_factory.mktemp("town")
    with OParlServer(papers=24, meetings=8, orgs=4, persons=4) as srv:
        t = Town(srv, folder / "w.duckdb", folder / "home",
                 SourceConfig(name="stadt", kind="oparl", url=srv.system_url, max_rps=1000, files=False))
        con = connect(t.db)
        early = manage.add(con, "search", "Radverkehr", ["early@example.org"]).id  # there before the first load
        con.close()
        refresh(t.db, t.home, [t.source], mail=MailSettings(outbox=folder / "first-outbox"))
        con = connect(t.db)
        try:
            manage.remove(con, early)
            t.watch_ids["search"] = manage.add(con, "search", "Radweg Grundschule", [A, B]).id
            t.watch_ids["body"] = manage.add(con, "body", "Ausschuss für Radverkehr", [A, B]).id
            t.watch_ids["paper"] = manage.add(con, "paper", "VO/2020/0004", [A, B]).id
        finally:
            con.close()
        read = Template(t.db, t.home, copy.deepcopy(srv.town.objects), srv.town.clock)
        news = read.restore(t, folder / "news")
        news.bring_news()
        news.refresh(MailSettings(outbox=folder / "news-outbox"))
        con = connect(news.db)
        con.execute("DELETE FROM watch_delivery")  # as if nothing had been sent yet
        con.close()
        yield {"server": t, "read": read, "news": Template(news.db, news.home, copy.deepcopy(srv.town.objects),
                                                          srv.town.clock),
               "first_outbox": folder / "first-outbox"}


@pytest.fixture
def town(_towns, tmp_path):
    """The town as its first load left it; both people watch a search, a body and a paper."""
    return _towns["read"].restore(_towns["server"], tmp_path)


@pytest.fixture
def news(_towns, tmp_path):
    """The town after a refresh brought a matching paper, an answer to the watched inquiry and a meeting of the
    watched body, before any digest went out."""
    return _towns["news"].restore(_towns["server"], tmp_path)
