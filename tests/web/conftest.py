"""A warehouse of the demo export plus a small OParl town (meetings, agendas, members), served by a real
uvicorn server on 127.0.0.1 in a thread. Some titles are hostile on purpose."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from ratsinfo.demo import DEMO_BODY, default_examples, prepare_export
from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.pipeline import ingest_files, ingest_oparl
from ratsinfo.warehouse.db import connect
from ratsinfo.web.app import create_app
from tests.oparl_server import OParlServer

HOSTILE_PAPER = "<script>alert('Vorlage')</script> Haushalt & <b>Finanzen</b>"
HOSTILE_ITEM = "Sitzungsplan der Ausschüsse <img src=x onerror=alert('TOP')>"
HOSTILE_ORG = "Ausschuss \"><script>alert('Gremium')</script>"
TOWN = {"orgs": 6, "persons": 12, "meetings": 30, "items_per_meeting": 5, "papers": 40, "files_every": 0}


def hostile_town(srv: OParlServer) -> dict[str, str]:
    """Put the hostile titles into the town before it is served; returns the ids that carry them."""
    objs = srv.town.objects
    paper = sorted(objs["paper"])[0]
    objs["paper"][paper]["name"] = HOSTILE_PAPER
    meeting = sorted(objs["meeting"])[0]
    objs["meeting"][meeting]["agendaItem"][0]["name"] = HOSTILE_ITEM
    org = sorted(objs["organization"])[0]
    objs["organization"][org]["name"] = HOSTILE_ORG
    return {"paper": paper, "meeting": meeting, "organization": org}


def build(root: Path) -> tuple[Path, dict[str, str]]:
    db = root / "site.duckdb"
    con = connect(db)
    store = RawStore(root / "home")
    export = prepare_export(default_examples(), root / "export")
    ingest_files(con, store, [str(export)], body=DEMO_BODY, readers=False)  # the index and snapshot after the next
    with OParlServer(page_size=50, **TOWN) as srv:
        ids = hostile_town(srv)
        ingest_oparl(con, store, srv.system_url, files=False, max_rps=1000, timeout=5.0)
    con.close()
    return db, {k: f"oparl:{k}:{v}" for k, v in ids.items()}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The built warehouse (once per session) and the keys of the records with hostile titles."""
    return build(tmp_path_factory.mktemp("site"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """A uvicorn server in a thread, started and stopped by the fixture."""

    def __init__(self, db: Path, check_every: float = 2.0) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db, check_every=check_every), host="127.0.0.1", port=self.port,
                                log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the web app did not start within 20 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def server(site) -> Iterator[Served]:
    with Served(site[0]) as s:
        yield s


@pytest.fixture
def http(server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


@pytest.fixture
def own_db(site, tmp_path) -> Path:
    """A copy of the site warehouse that a test may write to."""
    target = tmp_path / "own.duckdb"
    shutil.copyfile(site[0], target)
    return target
