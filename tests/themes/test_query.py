"""The ``themes`` canned query on a small warehouse of invented sittings, classified by classify_many."""

from datetime import datetime

from ratsinfo import queries
from ratsinfo.themes import classify_many
from ratsinfo.themes.answer import answer

SITTINGS = {
    datetime(2019, 2, 5): ["Genehmigung der Niederschrift", "Radweg an der Kreisstraße 12",
                           "Bebauungsplan Nr. 7 „Am Anger“ – Aufstellungsbeschluss"],
    datetime(2019, 5, 7): ["Eröffnung der Sitzung", "Neue Buslinie zum Bahnhof",
                           "Sanierung der Gehwege in der Altstadt"],
    datetime(2019, 9, 3): ["Mitteilungen", "Ausbau des Radverkehrsnetzes"],
    datetime(2020, 1, 14): ["Haushaltssatzung 2020"],
}


def _fill(con):
    con.execute("INSERT INTO body (key, name) VALUES ('body:1', 'Stadt Falkenried')")
    con.execute("INSERT INTO organization (key, name, body_key) VALUES ('org:rat', 'Stadtrat', 'body:1')")
    titles = [t for items in SITTINGS.values() for t in items]
    themes = iter(classify_many([(t,) for t in titles]))
    for m, (start, items) in enumerate(SITTINGS.items()):
        con.execute("INSERT INTO meeting (key, organization_key, start, source_url) VALUES (?, 'org:rat', ?, ?)",
                    [f"m{m}", start, f"https://ris.example.invalid/si/{m}"])
        for i, title in enumerate(items):
            t = next(themes)
            con.execute("INSERT INTO agenda_item (key, meeting_key, number, name, source_url, theme, theme2, "
                        "theme_confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [f"m{m}-{i}", f"m{m}", str(i + 1), title, f"https://ris.example.invalid/to/{m}/{i}",
                         t.code, t.second, t.confidence])


def test_themes_per_year_count_items_and_sessions_and_keep_procedure_apart(fresh_db):
    _fill(fresh_db)
    cols, data = queries.run(fresh_db, "themes", {"organization": "Stadtrat", "year": "2019"})
    rows = [dict(zip(cols, r, strict=True)) for r in data]
    assert rows[0]["theme"] == "54" and rows[0]["label"] == "Verkehrsflächen und -anlagen, ÖPNV"
    assert (rows[0]["items"], rows[0]["sessions"], rows[0]["sessions_total"]) == (4, 3, 3)
    assert len(rows[0]["examples"]) == 3
    assert all(e["source"].startswith("https://ris.example.invalid/to/") for e in rows[0]["examples"])
    assert {r["theme"] for r in rows} == {"54", "51"} and rows[0]["procedural_items"] == 3
    assert "00" not in {r["theme"] for r in rows}
    text = answer(cols, data)
    assert text.startswith("Stadtrat 2019: 3 Sitzungen; Schwerpunkte: Verkehrsflächen und -anlagen, ÖPNV "
                           "4 Tagesordnungspunkte in 3 Sitzungen")
    assert text.count("Quelle:") == 4


def test_the_council_parameter_narrows_to_one_municipality(fresh_db):
    _fill(fresh_db)
    _cols, data = queries.run(fresh_db, "themes", {"organization": "Stadtrat", "year": "2019", "council": "Nirgendwo"})
    assert data == []
    _cols, data = queries.run(fresh_db, "themes", {"organization": "Stadtrat", "year": "2020", "council": "falkenried"})
    assert [r[3] for r in data] == ["61"]


def test_the_warehouse_names_each_policy_area_as_the_classifier_does(fresh_db):
    from ratsinfo.themes.codes import LABELS, PROCEDURAL

    stored = dict(fresh_db.execute("SELECT code, label FROM theme_label").fetchall())
    assert stored == {c: label for c, label in LABELS.items() if c != PROCEDURAL}
