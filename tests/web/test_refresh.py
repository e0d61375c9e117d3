"""Pages keep loading while a refresh writes to the warehouse, the refresh is never locked out, and
the app shows the new data once the refresh has finished."""

from __future__ import annotations

import threading
import time

import httpx

from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.pipeline import ingest_oparl
from ratsinfo.warehouse.db import connect
from tests.oparl_server import OParlServer
from tests.web.conftest import Served


def body_links(client: httpx.Client) -> int:
    return client.get("/").text.count('href="/gremium/')


def test_pages_load_while_a_refresh_runs_and_show_its_result_after(own_db, tmp_path):
    with Served(own_db, check_every=0.2) as served, httpx.Client(base_url=served.url, timeout=30) as client:
        before = body_links(client)
        done = threading.Event()
        outcome: dict = {}

        def refresh() -> None:
            try:
                con = connect(own_db)  # the writer's lock: fails if the app held the file open
                with OParlServer(page_size=20, orgs=5, persons=5, meetings=60, papers=150, files_every=0) as srv:
                    outcome["run"] = ingest_oparl(con, RawStore(tmp_path / "home"), srv.system_url, files=False,
                                                  max_rps=1000, timeout=5.0)
                con.close()
            except Exception as exc:  # reported below
                outcome["error"] = exc
            finally:
                done.set()

        writer = threading.Thread(target=refresh)
        writer.start()
        during = []
        while not done.is_set():
            for url in ("/", "/suche?q=Bericht", "/abfragen/sessions-per-year", "/aenderungen"):
                during.append(client.get(url).status_code)
        writer.join()
        assert "error" not in outcome, outcome.get("error")
        assert outcome["run"].errors == []
        assert len(during) >= 4 and set(during) == {200}
        deadline = time.monotonic() + 15
        while body_links(client) == before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert body_links(client) == before + 5
