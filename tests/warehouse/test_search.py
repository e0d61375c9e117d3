import pytest

from ratsinfo.pipeline import ingest_files
from ratsinfo.warehouse.db import connect_readonly
from ratsinfo.warehouse.search import extension_directory, search, snippet


def test_the_fts_extension_comes_from_the_installed_package():
    assert (extension_directory()).is_dir()
    assert list(extension_directory().rglob("fts.duckdb_extension"))


@pytest.fixture
def indexed(fresh_db, store, corpus, tmp_path):
    ingest_files(fresh_db, store, [str(corpus / "seeds")])
    return fresh_db


def test_german_stemming_finds_other_forms(indexed):
    hits = search(indexed, "Sitzung Führungsstab")
    assert hits and hits[0].reference.startswith("VII-F-00741-AW-01")
    assert search(indexed, "Geschäftsordnungen")[0].type == "file"


def test_hits_are_ranked_and_carry_a_snippet_around_the_words(indexed):
    hits = search(indexed, "Videoüberwachung", limit=5)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert "Videoüberwachung" in hits[0].snippet


def test_filters_by_type_year_and_organization(indexed):
    assert {h.type for h in search(indexed, "Präventionsrat", type_="file")} == {"file"}
    assert search(indexed, "Präventionsrat", year=1999) == []
    hits = search(indexed, "Sitzungen", org_names=["Jour fixe"])
    assert hits and all(h.type == "file" for h in hits)


@pytest.mark.parametrize("evil", ["'; DROP TABLE paper; --", "x' OR '1'='1", "\\'; SELECT 1; --", "%_%"])
def test_search_text_cannot_inject_sql(indexed, evil):
    search(indexed, evil)
    assert indexed.execute("SELECT count(*) FROM paper").fetchone()[0] > 0


def test_ingest_keeps_the_index_up_to_date(indexed, store, tmp_path):
    assert search(indexed, "Wasserstoffbus") == []
    (tmp_path / "neu.txt").write_text("Der Verkehrsausschuss beriet über den Wasserstoffbus.", encoding="utf-8")
    ingest_files(indexed, store, [str(tmp_path / "neu.txt")])
    assert search(indexed, "Verkehrsausschusses Wasserstoffbus")[0].title == "neu.txt"


def test_a_read_only_connection_searches(indexed, tmp_path):
    path = indexed.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    indexed.close()
    con = connect_readonly(path)
    assert search(con, "Videoüberwachung")


def test_snippet_cuts_around_the_first_hit():
    text = "Anfang. " * 50 + "Hier steht die Videoüberwachung am Bahnhof." + " Ende." * 50
    s = snippet(text, "Videoüberwachung")
    assert "Videoüberwachung" in s and s.startswith("…") and s.endswith("…")


def test_search_cli_and_no_hits(cli, corpus):
    cli("ingest", "files", str(corpus / "seeds"))
    res = cli("search", "Videoüberwachung", "--limit", "2", "--format", "json")
    assert res.code == 0 and '"reference": "VII-F-00741-AW-01' in res.out
    none = cli("search", "Quantencomputer")
    assert none.code == 0 and none.out.strip() == "No hits for 'Quantencomputer'."
    assert cli("search", "x", "--type", "video").code == 1


def test_records_loaded_by_a_run_that_never_rebuilt_the_index_are_indexed_by_the_next_run(fresh_db, store, corpus,
                                                                                         tmp_path):
    """A run killed after its last load but before the rebuild leaves the index behind; the next run finds
    that out although it changes nothing itself."""
    other = tmp_path / "other"
    other.mkdir()
    (other / "einladung.txt").write_text("Einladung zur 3. Sitzung des Seniorenbeirats am 4. Mai 2021.\n",
                                         encoding="utf-8")
    ingest_files(fresh_db, store, [str(other)])  # an index exists from here on
    assert search(fresh_db, "Seniorenbeirat") and search(fresh_db, "Führungsstab") == []
    first = ingest_files(fresh_db, store, [str(corpus / "seeds")], readers=False)  # as if killed before the rebuild
    assert first.changed and search(fresh_db, "Führungsstab") == []
    again = ingest_files(fresh_db, store, [str(corpus / "seeds")])
    assert not again.changed
    assert search(fresh_db, "Führungsstab")
    assert again.counts["search_doc"]["indexed"] > 0
    third = ingest_files(fresh_db, store, [str(corpus / "seeds")])
    assert "search_doc" not in third.counts  # nothing changed since: no rebuild


def test_loading_fts_never_asks_an_extension_repository():
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import duckdb

    from ratsinfo.warehouse.search import load_fts

    asked = []

    class Repository(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            asked.append(self.path)
            self.send_error(404)

        def log_message(self, *args):
            pass

    with ThreadingHTTPServer(("127.0.0.1", 0), Repository) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        con = duckdb.connect()
        con.execute("SET autoinstall_extension_repository = ?", [f"http://127.0.0.1:{server.server_port}"])
        load_fts(con)
        server.shutdown()
    assert con.execute("SELECT stem('sitzungen', 'german')").fetchone()[0] == "sitzung"
    assert asked == []


def test_a_search_without_filters_reads_the_stored_weights_and_finds_the_same_hits_in_the_same_order(indexed):
    from ratsinfo.warehouse.pages import pages_exist

    assert pages_exist(indexed)
    compared = 0
    for q in ("Sitzung Führungsstab", "Videoüberwachung", "Geschäftsordnungen", "Präventionsrat Leipzig",
              "Wie oft tagte der Jour fixe 2019?", "Haushalt", "niemandsland", "'; DROP TABLE paper; --"):
        for limit in (3, 10):
            scored = search(indexed, q, limit=limit, stored=False)  # match_bm25 over every text
            stored = search(indexed, q, limit=limit, stored=True)
            assert [(h.type, h.reference, h.title, h.snippet, h.year, h.source) for h in stored] == \
                   [(h.type, h.reference, h.title, h.snippet, h.year, h.source) for h in scored], q
            assert [round(h.score, 9) for h in stored] == [round(h.score, 9) for h in scored], q
            compared += len(scored)
    assert compared > 20
