"""OParl ingest against the loopback server: complete, incremental, tolerant, and polite."""

from __future__ import annotations

import pytest

from ratsinfo.pipeline import ingest_oparl
from tests.oparl_server import Faults, OParlServer

TABLES = ("organization", "person", "membership", "meeting", "agenda_item", "paper", "consultation", "file")


def live_counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t} WHERE NOT deleted").fetchone()[0] for t in TABLES}


def ingest(con, store, srv, **kw):
    kw.setdefault("max_rps", 1000)
    kw.setdefault("timeout", 2.0)
    return ingest_oparl(con, store, srv.system_url, **kw)


def test_a_full_run_reproduces_the_municipality(fresh_db, store):
    with OParlServer(page_size=20) as srv:
        run = ingest(fresh_db, store, srv)
        assert run.errors == []
        assert live_counts(fresh_db) == srv.town.counts()
        paper = fresh_db.execute("SELECT reference, name, paper_type, under_direction_of, originator, date "
                                 "FROM paper WHERE source_url LIKE '%/paper/4'").fetchone()
        assert paper[0] == "VO/2020/0004" and paper[2] == "Anfrage"
        assert paper[3] == "Ausschuss für Lärmschutz" and paper[4] == "Fraktion Liste 5"
        c = fresh_db.execute("SELECT organization_name, role, meeting_key FROM consultation "
                             "WHERE key LIKE '%/consultation/4'").fetchone()
        assert c[0] == "Ausschuss für Lärmschutz" and c[1] == "Vorberatung" and c[2].endswith("/meeting/4")
        m = fresh_db.execute("SELECT name, CAST(start AS DATE), location, method FROM meeting "
                             "WHERE key LIKE '%/meeting/0'").fetchone()
        assert m[0] == "1. Sitzung" and str(m[1]) == "2024-01-01" and m[2] == "Rathaus, Saal 1" and m[3] == "record"
        items = fresh_db.execute("SELECT number, public, result FROM agenda_item WHERE meeting_key LIKE '%/meeting/0' "
                                 "ORDER BY position").fetchall()
        assert [i[0] for i in items] == ["Ö 1", "Ö 2", "Ö 3", "Ö 4", "Ö 5"] and items[-1][1] is False
        f = fresh_db.execute("SELECT mime_type, pages, text, download_status FROM file "
                             "WHERE key LIKE '%/file/3'").fetchone()
        assert f[0] == "application/pdf" and f[1] == 1 and "Vorlage 3" in f[2] and f[3] == "ok"
        kinds = dict(fresh_db.execute("SELECT name, kind FROM organization").fetchall())
        assert kinds["Fraktion Liste 1"] == "faction" and kinds["AG Haushalt"] == "working_group"


def test_a_second_run_reads_only_the_window_and_changes_nothing(fresh_db, store):
    with OParlServer(page_size=20) as srv:
        ingest(fresh_db, store, srv)
        first = len(srv.requests)
        snapshot = fresh_db.execute("SELECT key, row_hash FROM paper ORDER BY key").fetchall()
        run = ingest(fresh_db, store, srv)
        second = srv.requests[first:]
        assert all("modified_since=" in r for r in second if "/body/1/" in r)
        assert not any(r.endswith(".pdf") for r in second)
        assert len(second) < first / 3
        for table in TABLES:
            c = run.counts.get(table, {})
            assert c.get("inserted", 0) == 0 and c.get("updated", 0) == 0, (table, c)
        assert fresh_db.execute("SELECT key, row_hash FROM paper ORDER BY key").fetchall() == snapshot


def test_changes_and_soft_deletes_update_exactly_those(fresh_db, store):
    with OParlServer(page_size=20, papers=200) as srv:
        ingest(fresh_db, store, srv)
        changed = srv.town.change(fraction=0.01, deletes=2)
        run = ingest(fresh_db, store, srv)
        assert run.counts["paper"]["updated"] == len(changed["paper"])
        assert run.counts["paper"]["deleted"] == 2
        assert run.counts["meeting"]["updated"] == len(changed["meeting"])
        deleted = {r[0] for r in fresh_db.execute("SELECT source_url FROM paper WHERE deleted").fetchall()}
        assert deleted == set(changed["deleted"])
        names = [r[0] for r in fresh_db.execute("SELECT name FROM paper WHERE name LIKE '%(geändert)'").fetchall()]
        assert len(names) == len(changed["paper"])
        assert fresh_db.execute("SELECT count(*) FROM paper").fetchone()[0] == 200  # nothing dropped


@pytest.mark.parametrize(("faults", "complete"), [
    (Faults(spurious_500={"paper"}), True),
    (Faults(timeout_once={"meeting"}, stall_seconds=3.0), True),
    (Faults(broken_json={"person"}), True),
    (Faults(object_for_list={"membership"}), False),
    (Faults(list_for_page={"organization"}), True),
    (Faults(looping_next={"person"}), True),
])
def test_faults_leave_what_was_served(fresh_db, store, faults, complete):
    with OParlServer(page_size=10, faults=faults) as srv:
        run = ingest(fresh_db, store, srv)
        expected = srv.town.counts()
        got = live_counts(fresh_db)
        if complete:
            assert got == expected
        else:
            assert got["membership"] == 1 and got["paper"] == expected["paper"]
        assert run.errors == []
        notes = fresh_db.execute("SELECT count(*) FROM run_error WHERE run_id = ? AND stage LIKE 'note:%'",
                                 [run.id]).fetchone()[0]
        if faults.broken_json or faults.object_for_list or faults.list_for_page or faults.looping_next:
            assert notes >= 1


def test_a_truncated_page_is_an_error_and_the_rest_is_kept(fresh_db, store, cli):
    with OParlServer(page_size=10, faults=Faults(truncated={"paper"})) as srv:
        run = ingest(fresh_db, store, srv)
        assert any("paper list" in reason and "invalid JSON" in reason for _i, _s, reason in run.errors)
        got = live_counts(fresh_db)
        # the ten papers of the cut page are still fetched one by one, as agenda items refer to them
        assert got["paper"] == srv.town.counts()["paper"] and got["meeting"] == srv.town.counts()["meeting"]
        assert fresh_db.execute("SELECT count(*) FROM watermark WHERE list = 'paper'").fetchone()[0] == 0
        res = cli("ingest", "oparl", srv.system_url, "--max-rps", "1000", "--timeout", "2")
        assert res.code == 2 and "invalid JSON" in res.err


def test_404_instead_of_an_empty_filtered_list(fresh_db, store):
    with OParlServer(page_size=50, faults=Faults(error_404_when_filtered=True)) as srv:
        ingest(fresh_db, store, srv)
        run = ingest(fresh_db, store, srv)
        assert run.errors == []


def test_referenced_objects_the_server_never_serves_get_placeholders(fresh_db, store):
    with OParlServer(page_size=50, faults=Faults(missing_orgs=2)) as srv:
        run = ingest(fresh_db, store, srv)
        gaps = [i for i, stage, _r in run.errors if stage == "gap"]
        assert len(gaps) == 2 and all("missing-" in g for g in gaps)
        placeholders = fresh_db.execute("SELECT name FROM organization WHERE name LIKE '(nicht abrufbar%'").fetchall()
        assert len(placeholders) == 2
        assert fresh_db.execute("SELECT count(*) FROM meeting").fetchone()[0] == srv.town.counts()["meeting"]


def test_no_request_leaves_the_allowed_host(fresh_db, store):
    with OParlServer(page_size=50, faults=Faults(foreign_links=True)) as srv:
        run = ingest(fresh_db, store, srv)
        assert all(u.startswith(srv.base) for u in run.requested)
        refused = [reason for _i, _s, reason in run.errors if "refused" in reason or "not allowed" in reason]
        assert any("169.254.169.254" in r for r in refused)
        assert any("files.example.invalid" in r for r in refused)


def test_the_ingest_command(cli):
    with OParlServer(page_size=50) as srv:
        res = cli("ingest", "oparl", srv.system_url, "--max-rps", "1000", "--no-files")
        assert res.code == 0, res.err
        assert "paper           120 inserted" in res.out
        assert not any(r.endswith(".pdf") for r in srv.requests)
        assert cli("ingest", "oparl", "ftp://x").code == 1
        assert cli("ingest", "oparl", srv.system_url, "--since", "gestern").code == 1
