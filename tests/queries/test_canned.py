from datetime import datetime

from ratsinfo import queries
from ratsinfo.warehouse.db import connect


def rows(con, name, **params):
    cols, data = queries.run(con, name, {k: str(v) for k, v in params.items()})
    return [dict(zip(cols, r, strict=False)) for r in data]


def test_sessions_per_year_from_prose_with_themes_and_sources(ro):
    got = {r["organization"]: r for r in rows(ro, "sessions-per-year", year=2019)}
    assert got["Führungsstab"]["sessions"] == 2 and got["Lenkungsgruppe"]["sessions"] == 4
    assert got["Sicherheitskonferenz"]["meetings"] == ["40. am 07.10.2019", "41. am 25.11.2019"]
    for r in got.values():
        assert r["basis"] == "text" and r["sources"] == ["VII-F-00741-AW-01"]
    assert "Videoüberwachung" in got["Führungsstab"]["themes"]
    assert len(got["Lenkungsgruppe"]["themes"]) == 9


def test_organization_parameters_match_inflections_aliases_and_plurals(ro):
    for spelling in ("Führungsstabes", "Führungsstabs", "führungsstab"):
        assert [r["organization"] for r in rows(ro, "sessions-per-year", organization=spelling)] == ["Führungsstab"]
    assert rows(ro, "sessions-per-year", organization="Lenkungsgremium")[0]["organization"] == "Lenkungsgruppe"
    assert rows(ro, "sessions-per-year", organization="Sicherheitskonferenzen")[0]["sessions"] == 2


def test_records_and_text_are_compared(warehouse):
    con = connect(warehouse)
    try:
        key = con.execute("SELECT key FROM organization WHERE name = 'Führungsstab'").fetchone()[0]
        for i, day in enumerate((datetime(2019, 3, 1), datetime(2019, 6, 1), datetime(2019, 9, 1))):
            con.execute("INSERT INTO meeting (key, name, organization_key, start, method, source_url) "
                        "VALUES (?, 'Sitzung', ?, ?, 'record', 'https://ris.example.invalid/si')",
                        [f"test-record-{i}", key, day])
        (r,) = rows(con, "sessions-per-year", year=2019, organization="Führungsstab")
        assert (r["basis"], r["on_record"], r["in_text"], r["disagree"], r["sessions"]) == ("both", 3, 2, True, 3)
        assert "https://ris.example.invalid/si" in r["sources"]
    finally:
        con.execute("DELETE FROM meeting WHERE key LIKE 'test-record-%'")
        con.close()


def test_rules_show_the_words_and_whether_records_meet_them(warehouse):
    con = connect(warehouse)
    try:
        got = {r["rule"]: r for r in rows(con, "rules", organization="KPR")}
        assert got["meeting_frequency"]["value"].startswith("viermal im Jahr")
        assert got["meeting_frequency"]["meetings_on_record"] == "no meetings on record"
        assert got["agenda_deadline"]["number"] == 21
        key = con.execute("SELECT organization_key FROM rule WHERE rule = 'meeting_frequency' "
                          "AND organization_key LIKE '%präventionsrat%'").fetchone()[0]
        days = [datetime(2020, m, 1) for m in (2, 5, 8, 11)] + [datetime(2021, m, 1) for m in (3, 9)]
        for i, day in enumerate(days):
            con.execute("INSERT INTO meeting (key, organization_key, start, method) VALUES (?, ?, ?, 'record')",
                        [f"test-kpr-{i}", key, day])
        r = {x["rule"]: x for x in rows(con, "rules", organization="Kommunaler Präventionsrat")}["meeting_frequency"]
        assert r["meetings_on_record"] == "2020: 4, 2021: 2" and r["rule_met"] is False
    finally:
        con.execute("DELETE FROM meeting WHERE key LIKE 'test-kpr-%'")
        con.close()


def test_working_groups_with_parent_and_focus_topics(ro):
    got = {r["working_group"]: r for r in rows(ro, "working-groups", year=2019, organization="KPR")}
    assert {k: len(v["focus_topics"]) for k, v in got.items()} == {
        "AG Sicherheit in Kleingärten": 4, "AG Innenstadt": 5, "AG Sicherheit und Fußball": 2,
        "AG Extremismusprävention": 3}
    assert {v["parent"] for v in got.values()} == {"Kommunaler Präventionsrat"}


def test_inquiries_with_who_asked_and_answered(ro):
    got = {r["inquiry"]: r for r in rows(ro, "inquiries")}
    leipzig = got["VII-F-00741"]
    assert (leipzig["status"], leipzig["answer"], leipzig["questions"]) == ("answered", "VII-F-00741-AW-01", 6)
    assert leipzig["asked_by"] == "Geschäftsstelle der Fraktion DIE LINKE"
    assert leipzig["answered_by"] == "32 Ordnungsamt"
    assert got["A-0412/2023"]["asked_by"] == "Fraktion Grüne Liste Falkenried"
    assert rows(ro, "inquiries", status="open") == []


def test_paper_lineage_both_ways_and_annexes(ro):
    assert {(r["paper"], r["relation"], r["related"]) for r in rows(ro, "paper-lineage", reference="VII-F-00741")} \
        == {("VII-F-00741-AW-01", "answer_to", "VII-F-00741")}
    annex = rows(ro, "paper-lineage", reference="V0220/25")
    assert [(r["paper"], r["relation"]) for r in annex] == [("Anlage 1 zu V0220/25", "annex_of")]


def test_topics_over_the_years_include_meeting_titles(ro):
    (r,) = rows(ro, "topics", organization="Sicherheitskonferenz")
    assert r["year"] == 2019 and r["n"] == 2
    assert rows(ro, "topics", organization="Führungsstab", **{"from": 2020}) == []


def test_every_format_renders_every_query(cli, warehouse):
    for fmt in ("table", "json", "csv", "markdown"):
        res = cli("query", "sessions-per-year", "--param", "year=2019", "--format", fmt, db_path=warehouse)
        assert res.code == 0 and "Führungsstab" in res.out
    listed = cli("query", "list", db_path=warehouse)
    assert "sessions-per-year" in listed.out and "working-groups" in listed.out
    bad = cli("query", "sitzungen", db_path=warehouse)
    assert bad.code == 1 and "choose one of" in bad.err
