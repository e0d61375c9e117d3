import pytest

from ratsinfo.pipeline import ingest_files
from ratsinfo.warehouse.db import connect, connect_readonly


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, corpus):
    """The seeds and the example export ingested once; tests read it through a read-only connection."""
    from ratsinfo.ingest.rawstore import RawStore
    from tests.conftest import EXAMPLES

    root = tmp_path_factory.mktemp("wh")
    con = connect(root / "w.duckdb")
    store = RawStore(root / "home")
    ingest_files(con, store, [str(corpus / "seeds")], readers=False)  # the index and snapshot after the next
    ingest_files(con, store, [str(EXAMPLES / "falkenried")], body="Stadtrat Falkenried")
    con.close()
    return root / "w.duckdb"


@pytest.fixture
def ro(warehouse):
    con = connect_readonly(warehouse)
    yield con
    con.close()
