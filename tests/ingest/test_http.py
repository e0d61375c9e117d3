import time

import pytest

from ratsinfo.ingest.http import FetchFailed, PoliteClient, Refused
from tests.oparl_server import Faults, OParlServer


def test_only_allowed_hosts_are_requested():
    client = PoliteClient({"127.0.0.1:9"})
    for url in ("https://elsewhere.example.invalid/x", "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.1/x", "file:///etc/passwd", "ftp://127.0.0.1:9/x"):
        with pytest.raises(Refused):
            client.get(url)
    assert client.requested == []


def test_rate_limit_per_host():
    with OParlServer() as srv:
        client = PoliteClient({srv.base.split("//")[1]}, max_rps=20)
        start = time.monotonic()
        for _ in range(11):
            assert client.get(srv.system_url).status == 200
        assert time.monotonic() - start >= 0.45  # 11 requests at 20 per second need at least 0.5 s
        client.close()


def test_spurious_500_is_retried_and_a_stall_times_out_then_succeeds():
    with OParlServer(faults=Faults(spurious_500={"paper"}, timeout_once={"meeting"}, stall_seconds=2.0)) as srv:
        host = srv.base.split("//")[1]
        client = PoliteClient({host}, max_rps=100, timeout=0.5, backoff=0.05)
        assert client.get(f"{srv.town.base}/body/1/paper?page=2").status == 200
        assert client.get(f"{srv.town.base}/body/1/meeting?page=1").status == 200
        assert sum(1 for r in srv.requests if r.endswith("paper?page=2")) == 2
        client.close()


def test_retries_end_in_a_failure_with_a_reason():
    client = PoliteClient({"127.0.0.1:9"}, retries=1, backoff=0.01, timeout=0.5)
    with pytest.raises(FetchFailed, match="after 2 tries"):
        client.get("http://127.0.0.1:9/nothing-listens-here")
    client.close()
