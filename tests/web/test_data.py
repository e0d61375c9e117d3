"""The app's door to the warehouse: spelled-out umlauts folded, and snapshots that never block a writer
and follow it once it has finished."""

from __future__ import annotations

from pathlib import Path

from ratsinfo.demo import DEMO_BODY, default_examples, prepare_export
from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.pipeline import ingest_files
from ratsinfo.warehouse.db import connect
from ratsinfo.web.data import Warehouse, fold_query, rows


def test_spelled_out_umlauts_gain_their_umlaut_form_and_keep_their_own():
    assert fold_query("Ausschuesse") == "Ausschuesse Ausschüsse"
    assert fold_query("Schoeneberg Aerzte") == "Schoeneberg Aerzte Schöneberg Ärzte"
    assert fold_query("Feuerwehr Ausschuss") == "Feuerwehr Ausschuss"


def test_snapshot_follows_each_finished_run_and_never_blocks_the_writer(tmp_path: Path):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    store = Warehouse(db, check_every=0)
    try:
        with store.cursor() as con:
            assert rows(con, "councils") == []
        writer = connect(db)  # the app holds nothing open: the writer gets its lock
        export = prepare_export(default_examples(), tmp_path / "export")
        ingest_files(writer, RawStore(tmp_path / "home"), [str(export)], body=DEMO_BODY)
        with store.cursor() as con:  # the run ended and published its state; the writer is still open
            assert [c["name"] for c in rows(con, "councils")] == [DEMO_BODY]
        writer.close()
        with store.cursor() as con:
            assert [c["name"] for c in rows(con, "councils")] == [DEMO_BODY]
    finally:
        store.close()
