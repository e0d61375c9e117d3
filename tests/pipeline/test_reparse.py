"""`reparse`: a parser fix reaches what is stored, offline, and a second reparse changes nothing."""

from __future__ import annotations

from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.parsers import allris_text
from ratsinfo.pipeline import ingest_files, reparse
from ratsinfo.warehouse.db import connect
from tests.conftest import EXAMPLES


def test_a_changed_parser_rule_updates_exactly_the_affected_records(tmp_path, monkeypatch):
    con = connect(tmp_path / "w.duckdb")
    store = RawStore(tmp_path / "home")
    ingest_files(con, store, [str(EXAMPLES / "falkenried")], body="Stadtrat Falkenried")
    before = dict(con.execute("SELECT key, name FROM paper WHERE NOT stub").fetchall())
    text_papers = {k for (k,) in con.execute(
        "SELECT p.key FROM paper p JOIN document d ON d.key = p.document_key "
        "WHERE NOT p.stub AND d.kind = 'allris_text_paper'").fetchall()}
    assert text_papers and len(text_papers) < len(before)

    original = allris_text.parse_allris_text

    def fixed(text, url, doc_key, scope):  # a "parser fix" that changes the titles of text exports
        result = original(text, url, doc_key, scope)
        for p in result.papers:
            if p.name:
                p.name = p.name + " [neu gelesen]"
        return result

    monkeypatch.setattr(allris_text, "parse_allris_text", fixed)
    run = reparse(con, store)
    assert run.errors == []
    after = dict(con.execute("SELECT key, name FROM paper WHERE NOT stub").fetchall())
    changed = {k for k in before if before[k] != after[k]}
    assert changed == text_papers
    updated = {k for (k,) in con.execute("SELECT key FROM change WHERE run_id = ? AND table_name = 'paper' "
                                         "AND change = 'updated'", [run.id]).fetchall()}
    assert updated == text_papers

    again = reparse(con, store)
    assert not again.changed
    assert con.execute("SELECT count(*) FROM change WHERE run_id = ?", [again.id]).fetchone()[0] == 0
    con.close()


def test_reparse_needs_no_network_and_reports_missing_raw_bytes(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    store = RawStore(tmp_path / "home")
    ingest_files(con, store, [str(EXAMPLES / "falkenried")])
    sha = con.execute("SELECT sha256 FROM document ORDER BY key LIMIT 1").fetchone()[0]
    path = store.path_for(sha)
    path.chmod(0o644)
    path.unlink()
    run = reparse(con, store)
    assert len(run.errors) == 1 and "missing from the raw store" in run.errors[0][2]
    assert con.execute("SELECT count(*) FROM paper WHERE NOT deleted").fetchone()[0] > 0  # nothing lost
    con.close()
