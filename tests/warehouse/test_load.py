from ratsinfo.model import Consultation, Paper
from ratsinfo.warehouse.load import retire_missing, upsert


def paper(ref, **kw):
    return Paper(key=f"paper:t:{ref}", reference=ref, **kw)


def test_upsert_counts_inserted_updated_and_unchanged(fresh_db):
    c = upsert(fresh_db, "paper", [paper("1", name="A"), paper("2", name="B")], run_id=1)
    assert (c["inserted"], c["updated"], c["unchanged"]) == (2, 0, 0)
    c = upsert(fresh_db, "paper", [paper("1", name="A"), paper("2", name="B neu")], run_id=2)
    assert (c["inserted"], c["updated"], c["unchanged"]) == (0, 1, 1)
    rows = fresh_db.execute("SELECT reference, name, first_run, last_run FROM paper ORDER BY 1").fetchall()
    assert rows == [("1", "A", 1, 1), ("2", "B neu", 1, 2)]


def test_a_stub_never_overwrites_a_full_paper(fresh_db):
    upsert(fresh_db, "paper", [paper("9", name="Volle Vorlage", paper_type="Anfrage")], run_id=1)
    c = upsert(fresh_db, "paper", [paper("9", name="Kurzname", stub=True)], run_id=2)
    assert c["unchanged"] == 1 and c["updated"] == 0
    assert fresh_db.execute("SELECT name, stub FROM paper").fetchone() == ("Volle Vorlage", False)


def test_a_full_paper_replaces_its_stub(fresh_db):
    upsert(fresh_db, "paper", [paper("9", stub=True)], run_id=1)
    upsert(fresh_db, "paper", [paper("9", name="Volle Vorlage")], run_id=2)
    assert fresh_db.execute("SELECT name, stub FROM paper").fetchone() == ("Volle Vorlage", False)


def test_two_documents_of_one_paper_keep_what_either_knows(fresh_db):
    upsert(fresh_db, "paper", [paper("5", name="Titel", under_direction_of="Ordnungsamt")], run_id=1)
    upsert(fresh_db, "paper", [paper("5", name="Titel", status="öffentlich")], run_id=2)
    assert fresh_db.execute("SELECT under_direction_of, status FROM paper").fetchone() == ("Ordnungsamt", "öffentlich")


def test_duplicate_keys_in_one_batch_are_merged_not_refused(fresh_db):
    c = upsert(fresh_db, "paper", [paper("7", name="X"), paper("7", status="öffentlich"), paper("7", stub=True)], 1)
    assert c["inserted"] == 1
    assert fresh_db.execute("SELECT name, status, stub FROM paper").fetchone() == ("X", "öffentlich", False)


def test_rows_a_document_no_longer_yields_are_soft_deleted(fresh_db):
    rows = [Consultation(key=f"c{i}", paper_key="p", organization_name=f"Ausschuss {i}", document_key="d")
            for i in range(3)]
    upsert(fresh_db, "consultation", rows, run_id=1)
    gone = retire_missing(fresh_db, "consultation", ["d"], ["c0", "c1"], run_id=2)
    assert gone == 1
    assert fresh_db.execute("SELECT key FROM consultation WHERE deleted").fetchall() == [("c2",)]
    assert fresh_db.execute("SELECT count(*) FROM consultation").fetchone()[0] == 3


def test_parameters_with_quotes_are_stored_verbatim(fresh_db):
    evil = "x'); DROP TABLE paper; --"
    upsert(fresh_db, "paper", [paper(evil, name=evil)], run_id=1)
    assert fresh_db.execute("SELECT name FROM paper").fetchone()[0] == evil


def test_a_new_batch_goes_in_straight_with_the_rows_and_hashes_the_merge_would_give(tmp_path):
    from ratsinfo.warehouse.db import connect
    from ratsinfo.warehouse.load import transaction

    def theme_by_length(records):
        for r in records:
            r.theme, r.theme_confidence = f"{len(r.name) % 7:02d}", 0.5

    def load(fresh):
        con = connect(tmp_path / f"{fresh}.duckdb")
        records = [paper(str(i), name="Haushalt " * (i % 3 + 1), sections={"Begründung": f"Teil {i}"} if i % 2 else {})
                   for i in range(50)]
        with transaction(con):
            counts = upsert(con, "paper", records, run_id=1, log_inserts=False, derive=theme_by_length, fresh=fresh)
        rows = con.execute("SELECT * FROM paper ORDER BY key").fetchall()
        themes = {t for (t,) in con.execute("SELECT theme FROM paper").fetchall()}
        con.close()
        return counts, rows, themes

    straight, merged = load(True), load(False)
    assert straight[0]["inserted"] == merged[0]["inserted"] == 50
    assert straight[1] == merged[1]
    assert straight[2] == {"02", "04", "06"}  # every row has its theme
