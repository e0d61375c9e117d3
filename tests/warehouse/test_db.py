import duckdb
import pytest

from ratsinfo.errors import NoWarehouse
from ratsinfo.warehouse import db


def test_a_new_warehouse_has_every_table_of_version_one(tmp_path):
    con = db.connect(tmp_path / "w.duckdb")
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"source", "document", "body", "organization", "person", "membership", "meeting", "agenda_item",
            "paper", "paper_relation", "consultation", "file", "question", "answer", "run", "run_error",
            "schema_version"} <= tables
    assert db.schema_version(con) == max(v for v, _, _ in db.migrations())


def test_reopening_does_not_apply_migrations_twice(tmp_path):
    path = tmp_path / "w.duckdb"
    db.connect(path).close()
    con = db.connect(path)
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(db.migrations())


def test_a_later_migration_adds_tables_without_dropping_data(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    con = db.connect(path)
    con.execute("INSERT INTO paper (key, reference) VALUES ('paper:x:1', '1')")
    con.close()
    later = db.migrations() + [(999, "999_test.sql", "CREATE TABLE later_table (key VARCHAR PRIMARY KEY);")]
    monkeypatch.setattr(db, "migrations", lambda: later)
    con = db.connect(path)
    assert db.schema_version(con) == 999
    assert con.execute("SELECT reference FROM paper").fetchall() == [("1",)]
    assert con.execute("SELECT count(*) FROM later_table").fetchone()[0] == 0


def test_a_failing_migration_leaves_the_warehouse_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    db.connect(path).close()
    broken = db.migrations() + [(998, "998_broken.sql", "CREATE TABLE half (a INT); SELECT * FROM nowhere;")]
    monkeypatch.setattr(db, "migrations", lambda: broken)
    with pytest.raises(duckdb.Error):
        db.connect(path)
    monkeypatch.undo()
    con = db.connect(path)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "half" not in tables


def test_an_upgrade_whose_last_migration_fails_applies_none_of_them(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    db.connect(path).close()
    upgrade = db.migrations() + [(997, "997_fine.sql", "CREATE TABLE fine (a INT);"),
                                 (998, "998_broken.sql", "SELECT * FROM nowhere;")]
    monkeypatch.setattr(db, "migrations", lambda: upgrade)
    with pytest.raises(duckdb.Error):
        db.connect(path)
    monkeypatch.undo()
    con = db.connect(path)
    assert db.schema_version(con) == max(v for v, _, _ in db.migrations())
    assert "fine" not in {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def test_read_only_access_refuses_writes_and_file_access(tmp_path):
    path = tmp_path / "w.duckdb"
    db.connect(path).close()
    con = db.connect_readonly(path)
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM paper")
    with pytest.raises(duckdb.Error):
        con.execute("COPY paper TO '/tmp/leak.csv'")


def test_read_only_access_to_a_missing_warehouse_says_what_to_do(tmp_path):
    with pytest.raises(NoWarehouse, match="ratsinfo ingest files"):
        db.connect_readonly(tmp_path / "none.duckdb")


def test_row_hashes_stored_as_text_become_numbers_and_unchanged_rows_stay_unchanged(tmp_path, monkeypatch):
    from ratsinfo.model import Paper
    from ratsinfo.warehouse.load import upsert

    papers = [Paper(key=f"paper:t:{i}", reference=f"V-{i}", name=f"Vorlage {i}") for i in range(20)]
    path = tmp_path / "w.duckdb"
    everything = db.migrations()
    monkeypatch.setattr(db, "migrations", lambda: [m for m in everything if not m[1].endswith("row_hash_number.sql")])
    con = db.connect(path)
    assert con.execute("SELECT data_type FROM information_schema.columns WHERE table_name = 'paper' "
                       "AND column_name = 'row_hash'").fetchone()[0] == "VARCHAR"
    upsert(con, "paper", papers, run_id=1)  # the hash stored as its decimal text, as before the migration
    con.close()
    monkeypatch.setattr(db, "migrations", lambda: everything)
    con = db.connect(path)
    assert con.execute("SELECT count(*) FROM paper WHERE row_hash IS NULL").fetchone()[0] == 0
    counts = upsert(con, "paper", papers, run_id=2)
    assert (counts["inserted"], counts["updated"], counts["unchanged"]) == (0, 0, 20)
    assert con.execute("SELECT count(*) FROM duckdb_indexes() WHERE index_name = 'document_url'").fetchone()[0] == 1


def _limit(con) -> str:
    return con.execute("SELECT current_setting('memory_limit')").fetchone()[0]


@pytest.mark.parametrize(("limit", "outside", "rebuilding"), [
    ("600MB", "572.2 MiB", "381.4 MiB"),  # two thirds: 400,000,000 bytes
    ("300MB", "286.1 MiB", "256.0 MiB"),  # not under 256 MiB
    ("200MB", "190.7 MiB", "190.7 MiB"),  # nor over the limit itself
])
def test_the_index_and_page_rows_are_rebuilt_under_two_thirds_of_the_writers_limit(tmp_path, monkeypatch, limit,
                                                                                   outside, rebuilding):
    from ratsinfo.warehouse import pages, search

    monkeypatch.setenv("RATSINFO_MEMORY_LIMIT", limit)
    con = db.connect(tmp_path / "w.duckdb")
    seen = []
    monkeypatch.setattr(pages, "rebuild_pages", lambda c: seen.append(_limit(c)) or {})
    assert _limit(con) == outside
    search.refresh_index(con, changed=True)
    assert seen == [rebuilding]
    assert _limit(con) == outside
    con.close()


def test_a_limit_in_words_duckdb_reads_but_this_does_not_is_left_as_it_is(tmp_path, monkeypatch):
    from ratsinfo.warehouse.db import rebuild_memory

    monkeypatch.setenv("RATSINFO_MEMORY_LIMIT", "300000000 bytes")
    con = db.connect(tmp_path / "w.duckdb")
    before = _limit(con)
    with rebuild_memory(con):
        assert _limit(con) == before
    con.close()


@pytest.mark.parametrize("given, expected", [("1", 1), ("2", 2), ("0", None), ("viele", None), ("", None)])
def test_the_writers_duckdb_threads_follow_ratsinfo_threads_when_it_is_a_positive_number(tmp_path, monkeypatch,
                                                                                         given, expected):
    monkeypatch.setenv("RATSINFO_THREADS", given)
    con = db.connect(tmp_path / f"t{given}.duckdb")
    own = duckdb.connect().execute("SELECT current_setting('threads')").fetchone()[0]
    assert con.execute("SELECT current_setting('threads')").fetchone()[0] == (expected or own)
    con.close()


def test_a_new_warehouse_is_a_copy_of_the_template_with_its_own_time_of_creation(tmp_path, monkeypatch):
    monkeypatch.setenv("RATSINFO_CACHE_DIR", str(tmp_path / "cache"))
    first = db.connect(tmp_path / "a.duckdb")
    first.close()
    kept = db.template()
    assert kept is not None and kept.parent == tmp_path / "cache"
    made = duckdb.connect(str(kept), read_only=True).execute("SELECT max(applied_at) FROM schema_version").fetchone()[0]
    con = db.connect(tmp_path / "b.duckdb")
    assert db.schema_version(con) == max(v for v, _, _ in db.migrations())
    assert con.execute("SELECT min(applied_at) FROM schema_version").fetchone()[0] > made
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [kept.name]  # no temporary file left


def test_new_migrations_make_a_new_template(tmp_path, monkeypatch):
    monkeypatch.setenv("RATSINFO_CACHE_DIR", str(tmp_path / "cache"))
    db.connect(tmp_path / "a.duckdb").close()
    later = db.migrations() + [(999, "999_test.sql", "CREATE TABLE later_table (key VARCHAR PRIMARY KEY);")]
    monkeypatch.setattr(db, "migrations", lambda: later)
    con = db.connect(tmp_path / "b.duckdb")
    assert con.execute("SELECT count(*) FROM later_table").fetchone()[0] == 0
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_without_a_writable_cache_folder_a_new_warehouse_is_migrated_in_place(tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("RATSINFO_CACHE_DIR", str(tmp_path / "a-file" / "cache"))
    assert db.template() is None
    con = db.connect(tmp_path / "w.duckdb")
    assert db.schema_version(con) == max(v for v, _, _ in db.migrations())
