"""The ALLRIS crawler against a loopback site serving the real Hamburg-Nord pages."""

from __future__ import annotations

from datetime import date

import pytest

from ratsinfo.pipeline import ingest_allris
from tests.allris_server import TODAY, AllrisFaults, AllrisServer, in_corpus

pytestmark = pytest.mark.skipif(not in_corpus(), reason="../shared/corpus is not beside the project")
SCOPE = "bezirksversammlung-hamburg-nord"


def crawl(con, store, srv, **kw):
    kw.setdefault("max_rps", 1000)
    kw.setdefault("timeout", 2.0)
    return ingest_allris(con, store, srv.base, start=date(2025, 1, 1), end=date(2026, 3, 1), today=TODAY, **kw)


@pytest.fixture
def crawled(fresh_db, store):
    with AllrisServer() as srv:
        run = crawl(fresh_db, store, srv)
        yield fresh_db, store, srv, run


def test_every_meeting_with_its_agenda(crawled):
    con, _store, _srv, _run = crawled
    meetings = dict(con.execute("SELECT key, strftime(start, '%Y-%m-%d %H:%M') FROM meeting").fetchall())
    assert meetings == {f"allris:{SCOPE}:meeting:1003143": "2025-12-11 18:00",
                        f"allris:{SCOPE}:meeting:1003201": "2025-11-03 18:00",
                        f"allris:{SCOPE}:meeting:1003234": "2025-03-12 18:00"}
    items = con.execute("SELECT number, name, public, result, paper_key FROM agenda_item WHERE meeting_key = ? "
                        "ORDER BY position", [f"allris:{SCOPE}:meeting:1003143"]).fetchall()
    assert len(items) == 33
    assert items[0][:3] == ("Ö 1", "Öffentliche Bürgerfragestunde", True)
    assert any(i[3] == "ungeändert beschlossen" and i[4] == f"paper:{SCOPE}:22-1692" for i in items)
    assert all(i[2] is True for i in items)  # a public site lists only the public part (Ö ...)


def test_an_agenda_item_page_gives_its_result(crawled):
    con, *_ = crawled
    item = con.execute("SELECT number, name, result, meeting_key FROM agenda_item WHERE key = ?",
                       [f"allris:{SCOPE}:item:1036324"]).fetchone()
    assert item == ("Ö 2", "Genehmigung der Niederschrift vom 05.02.2025", None, f"allris:{SCOPE}:meeting:1003234")


def test_papers_from_the_paper_list_with_their_fields(crawled):
    con, *_ = crawled
    paper = con.execute("SELECT reference, name, paper_type, under_direction_of, originator FROM paper "
                        "WHERE NOT stub").fetchall()
    assert paper == [("22-2402", "Bezirkliche Sondermittel – Antrag der GRÜNE-Fraktion", "Antrag", "Interner Service",
                      "Thorsten Schmidt, Daniela Clément")]
    c = con.execute("SELECT organization_name, date, status FROM consultation").fetchall()
    assert [(x[0], str(x[1]), x[2]) for x in c] == [("Hauptausschuss", "2026-07-07", "Geplant")]


def test_committee_and_faction_with_members(crawled):
    con, *_ = crawled
    orgs = dict(con.execute("SELECT name, kind FROM organization").fetchall())
    assert orgs["Regionalausschuss Langenhorn-Fuhlsbüttel-Ohlsdorf-Alsterdorf-Groß Borstel"] == "committee"
    assert orgs["Fraktion Bündnis 90/DIE GRÜNEN"] == "faction"
    role = con.execute("SELECT m.role FROM membership m JOIN person p ON p.key = m.person_key "
                       "WHERE p.name = 'Torben Eickmann'").fetchone()
    assert role == ("Vorsitzendes Mitglied",)


def test_denied_calendars_login_pages_and_missing_pages_are_recorded(crawled):
    con, _store, srv, run = crawled
    notes = con.execute("SELECT reason FROM run_error WHERE run_id = ? AND stage LIKE 'note:%'", [run.id]).fetchall()
    assert any("si010_e is disabled" in n[0] for n in notes)
    reasons = [r for _i, _s, r in run.errors]
    assert any("login page" in r for r in reasons)
    missing = {u.rsplit("/", 1)[1] for u, _s, r in run.errors if "HTTP 404" in r}
    assert "vo020.asp?VOLFDNR=1016846" not in missing  # the login page is not a 404
    assert all(m.startswith(("to020", "vo020", "to010", "au020", "fr020", "pa020", "do027")) for m in missing)
    assert con.execute("SELECT count(*) FROM paper WHERE source_url LIKE '%1016846%'").fetchone()[0] == 0


def test_no_page_is_fetched_twice_and_a_second_run_reads_only_the_window(crawled):
    con, store, srv, _run = crawled
    assert len(srv.requests) == len(set(srv.requests))
    before = len(srv.requests)
    snapshot = {t: con.execute(f"SELECT key, row_hash FROM {t} ORDER BY key").fetchall()
                for t in ("meeting", "agenda_item", "paper", "organization")}
    run = crawl(con, store, srv)
    second = srv.requests[before:]
    calendars = [r for r in second if "si010_a" in r]
    assert all(("YY=2025" in r and any(f"MM={m}&" in r for m in (10, 11, 12))) or "YY=2026" in r
               for r in calendars[1:])
    assert not any("SILFDNR=1003234" in r for r in second)  # March 2025 is outside the window
    # committees and factions already stored are not read again (those that failed are retried)
    assert not any("AULFDNR=1000005" in r or "FRLFDNR=1120" in r for r in second)
    for table, rows in snapshot.items():
        assert con.execute(f"SELECT key, row_hash FROM {table} ORDER BY key").fetchall() == rows
        c = run.counts.get(table, {})
        assert c.get("inserted", 0) == 0 and c.get("updated", 0) == 0


def test_a_truncated_page_is_never_stored_as_a_paper(fresh_db, store):
    with AllrisServer(AllrisFaults(truncated={("vo020", "1016851")})) as srv:
        run = crawl(fresh_db, store, srv)
        assert any("truncated" in r for _i, _s, r in run.errors)
        assert fresh_db.execute("SELECT count(*) FROM paper WHERE NOT stub").fetchone()[0] == 0


def test_only_the_site_is_requested(crawled):
    _con, _store, srv, run = crawled
    assert all(u.startswith(srv.root) for u in run.requested)


def test_the_crawl_command(cli):
    with AllrisServer() as srv:
        res = cli("ingest", "allris", srv.base, "--from", "2025-11", "--to", "2025-12", "--max-rps", "1000",
                  "--no-files")
        assert res.code == 2  # pages of the real site that the corpus does not hold answer 404
        assert "meeting         2 inserted" in res.out
        assert cli("ingest", "allris", srv.base, "--from", "2025/11").code == 1


# --- ALLRIS 4 (/public/…) and responsive ALLRIS 3 (…_r.asp) -------------------------------------------------------


@pytest.mark.parametrize("layout", ["allris4", "allris3r"])
def test_a_crawl_of_each_layout_yields_every_meeting_agenda_item_and_paper(fresh_db, store, layout):
    from tests.allris_server import SITE_MEETINGS, SITE_PAPERS, ModernSite

    with AllrisServer(layout=layout) as srv:
        run = ingest_allris(fresh_db, store, srv.base, start=date(2025, 10, 1), end=date(2026, 1, 1), today=TODAY,
                            max_rps=1000, timeout=2.0, files=False)
        assert not run.errors, run.errors
        site = ModernSite(layout)
        meetings = dict(fresh_db.execute("SELECT key, strftime(start, '%Y-%m-%d %H:%M') FROM meeting").fetchall())
        assert meetings == {f"allris:local:meeting:{m[0]}": f"{m[1]:%Y-%m-%d} {m[2]}" for m in SITE_MEETINGS}
        items = fresh_db.execute("SELECT key, number, name, public, paper_key FROM agenda_item").fetchall()
        assert {k.rsplit(":", 1)[1] for k, *_ in items} == site.items()
        assert ("Ö 2", "Neubau der Grundschule am Lindenweg", True, f"paper:local:{site.ref('4101')}") in [
            tuple(i[1:]) for i in items]
        assert any(i[1] == "N 4" and i[3] is False for i in items)
        papers = dict(fresh_db.execute("SELECT reference, paper_type FROM paper WHERE NOT stub").fetchall())
        assert papers == {site.ref(pid): v[1] for pid, v in SITE_PAPERS.items()}
        row = fresh_db.execute("SELECT originator, under_direction_of, date FROM paper WHERE reference = ?",
                               [site.ref("4110")]).fetchone()
        assert row == ("Bürgermeisterin", "20 Kämmerei", date(2025, 11, 20))  # printed "2025 Nov 20"
        cons = fresh_db.execute("SELECT organization_name, role, status, date, meeting_name, result FROM consultation "
                                "WHERE paper_key = ? ORDER BY position", [f"paper:local:{site.ref('4101')}"]).fetchall()
        assert cons == [("Bauausschuss", "Vorberatung", "Erledigt", date(2025, 11, 4), "Sitzung des Bauausschusses",
                         "empfohlen"),
                        ("Rat der Gemeinde Beispielstadt", "Entscheidung", "Geplant", date(2025, 12, 9),
                         "Sitzung des Rates", None)]
        orgs = dict(fresh_db.execute("SELECT name, kind FROM organization").fetchall())
        assert orgs.get("Bauausschuss") == "committee" and orgs.get("Fraktion Beispielliste") == "faction"
        assert len(srv.requests) == len(set(srv.requests))
        assert all(("/public/" in r) == (layout == "allris4") for r in srv.requests)


def test_allris4_found_at_the_host_root_and_from_a_program_address(fresh_db, store):
    from ratsinfo.ingest.allris import AllrisCrawl

    class Dummy:
        pass

    crawl = AllrisCrawl(fresh_db, store, Dummy(), Dummy(), "s", "https://ris.example.invalid/public/si010?MM=1",
                        date(2025, 1, 1), date(2025, 2, 1), date(2025, 1, 1))
    assert crawl.base == "https://ris.example.invalid/public/"
    crawl.scheme = "net"
    assert crawl.url("vo040") == "https://ris.example.invalid/public/vo040"
    root = AllrisCrawl(fresh_db, store, Dummy(), Dummy(), "s", "https://ris.example.invalid/", date(2025, 1, 1),
                       date(2025, 2, 1), date(2025, 1, 1))
    assert root._schemes() == ["net", "asp"]
    root.scheme, root.responsive = "asp", True
    assert root.url("vo020", "VOLFDNR=1") == "https://ris.example.invalid/vo020_r.asp?VOLFDNR=1"
