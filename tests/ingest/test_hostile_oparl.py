"""A hostile OParl server: malformed payloads, trickling bodies and headers, an endless 'next' chain,
a gzip bomb, a host name that resolves to a loopback address. The run ends within its deadlines,
stores everything valid and names every bad input."""

from __future__ import annotations

import time

import pytest

from ratsinfo.ingest import http
from ratsinfo.ingest import oparl as oparl_ingest
from ratsinfo.pipeline import ingest_oparl
from tests.oparl_server import Faults, OParlServer


@pytest.fixture
def tight_limits(monkeypatch):
    limits = http.Limits(total_timeout=4.0, min_rate=200.0, rate_grace=1.0, budget=90.0, max_bytes=20 * 1024 * 1024)
    monkeypatch.setattr(http, "DEFAULT_LIMITS", limits)
    monkeypatch.setattr(oparl_ingest, "MAX_PAGES", 20)
    return limits


def reasons(run, stage: str | None = None) -> str:
    return "\n".join(f"{i} | {s} | {r}" for i, s, r in run.errors if stage is None or s == stage)


def test_a_hostile_server_ends_in_time_with_everything_valid_stored(fresh_db, store, tight_limits):
    faults = Faults(wrong_types=True, bad_next={"paper"}, endless_next={"organization"}, slow_body={"person"},
                    slow_headers={"meeting"}, deep_json={"membership"}, gzip_bomb=True, private_name=True,
                    bad_urls=True, trickle_interval=0.1)
    with OParlServer(page_size=25, faults=faults) as srv:
        port = srv.httpd.server_address[1]
        started = time.monotonic()
        run = ingest_oparl(fresh_db, store, srv.system_url, max_rps=1000, timeout=2.0, retries=1,
                           allow_hosts=(f"localhost:{port}",))
        took = time.monotonic() - started
        con = fresh_db

        assert took < 60, took
        # every paper is valid apart from fields of the wrong type: all are stored, their text made text
        assert con.execute("SELECT count(*) FROM paper WHERE key LIKE 'oparl:%'").fetchone()[0] == 120
        assert con.execute("SELECT reference FROM paper WHERE key LIKE '%/paper/1'").fetchone()[0] == "A B"
        assert con.execute("SELECT role FROM person WHERE key LIKE '%/person/1'").fetchone()[0] == "1 2"
        assert con.execute("SELECT count(*) FROM organization WHERE key LIKE '%/organization/%'").fetchone()[0] == 12
        assert con.execute("SELECT start FROM meeting WHERE key LIKE '%/meeting/1'").fetchone()[0] is None
        # the object whose id is a number is reported, the others of its page stored
        assert "Person with an id that is a int" in reasons(run, "map")
        assert con.execute("SELECT count(*) FROM person").fetchone()[0] >= 24
        # each bad page is named with its reason; the lists stop there
        fetch = reasons(run, "fetch")
        assert "person?page=2" in fetch and "bytes per second" in fetch
        assert "meeting?page=2" in fetch and "within 4 s" in fetch
        assert "more than 20 pages" in fetch
        assert "nested 100001 levels deep" in reasons(run, "parse")  # the page object and its data
        assert "links.next is a dict" in reasons(run, "parse")
        assert sum("/body/1/organization" in r for r in srv.requests) <= 21
        # the gzip bomb stops at the size limit; the address checks hold after DNS and for malformed URLs
        files = reasons(run, "fetch") + reasons(run, "file")
        assert f"larger than {tight_limits.max_bytes} bytes" in files
        assert "resolves to the internal address 127.0.0.1" in files
        assert not any(h.startswith("localhost") for h in srv.hosts)
        assert "not a valid URL" in files and "control characters" in files
        stored = con.execute("SELECT count(*) FROM file WHERE download_status IN ('ok', 'stored')").fetchone()[0]
        assert stored == 40 - 4, reasons(run)  # all files but the bomb, the private one, the two malformed URLs
        assert run.status == "partial"


def test_the_time_budget_ends_a_source_that_never_stops(fresh_db, store, monkeypatch):
    monkeypatch.setattr(http, "DEFAULT_LIMITS", http.Limits(total_timeout=5.0, budget=3.0))
    monkeypatch.setattr(oparl_ingest, "MAX_PAGES", 100_000)
    with OParlServer(page_size=25, faults=Faults(endless_next={"organization"})) as srv:
        started = time.monotonic()
        run = ingest_oparl(fresh_db, store, srv.system_url, max_rps=50, timeout=2.0, files=False)
        assert time.monotonic() - started < 15
        assert "time budget is used up" in reasons(run, "fetch")
        # what came before the budget ran out is kept: the endless list streams page by page, each committed
        assert con_count(fresh_db, "organization") > 0


def con_count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_host_name_resolving_to_loopback_is_refused_unless_allowed_explicitly():
    with OParlServer() as srv:
        port = srv.httpd.server_address[1]
        url = f"http://localhost:{port}/oparl/system"
        client = http.PoliteClient({f"localhost:{port}"}, retries=0)
        with pytest.raises(http.Refused, match="internal address"):
            client.get(url)
        assert srv.requests == []  # refused after connecting, before a byte was sent
        client.close()
        trusting = http.PoliteClient({f"localhost:{port}"}, private_hosts={f"localhost:{port}"}, retries=0)
        assert trusting.get(url).status == 200
        trusting.close()


@pytest.mark.parametrize("url", ["http://127.0.0.1:99999/x", "http://127.0.0.1:80/a\nb", "http://127.0.0.1:x/"])
def test_malformed_urls_are_refused_not_raised(url):
    client = http.PoliteClient({"127.0.0.1:80", "127.0.0.1"})
    with pytest.raises(http.Refused):
        client.get(url)
    assert client.requested == []
    client.close()
