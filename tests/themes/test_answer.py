from ratsinfo.themes.answer import answer, group, sentence

COLUMNS = ["organization", "year", "sessions_total", "theme", "label", "items", "sessions", "examples",
           "procedural_items", "unclassified_items"]


def _row(theme, label, items, sessions, titles, sessions_total=11, procedural=40):
    examples = [{"title": t, "source": f"https://ris.example.invalid/{i}"} for i, t in enumerate(titles)]
    return ["Stadtrat", 2019, sessions_total, theme, label, items, sessions, examples, procedural, 0]


def test_the_sentence_names_sessions_then_the_largest_themes_with_an_example():
    rows = [_row("54", "Verkehrsflächen und -anlagen, ÖPNV", 31, 9, ["Radweg Hauptstraße"]),
            _row("51", "Räumliche Planung und Entwicklung", 24, 8, ["Bebauungsplan Nr. 3"])]
    (org,) = group(COLUMNS, rows)
    assert sentence(org) == (
        "11 Sitzungen; Schwerpunkte: Verkehrsflächen und -anlagen, ÖPNV 31 Tagesordnungspunkte in 9 Sitzungen "
        "(z. B. „Radweg Hauptstraße“), Räumliche Planung und Entwicklung 24 in 8 (z. B. „Bebauungsplan Nr. 3“); "
        "dazu 40 Verfahrenspunkte")


def test_singular_forms_for_one_session_and_one_item():
    (org,) = group(COLUMNS, [_row("42", "Sportförderung", 1, 1, ["Zuschuss Sportverein"], sessions_total=1,
                                  procedural=1)])
    assert sentence(org) == ("1 Sitzung; Schwerpunkte: Sportförderung 1 Tagesordnungspunkt in 1 Sitzung "
                             "(z. B. „Zuschuss Sportverein“); dazu 1 Verfahrenspunkt")


def test_only_the_top_themes_are_listed_and_the_rest_counted():
    rows = [_row(str(10 + i), f"Thema {i}", 10 - i, 2, []) for i in range(4)]
    (org,) = group(COLUMNS, rows)
    text = sentence(org, top=2, sessions=12)
    assert text.startswith("12 Sitzungen; Schwerpunkte: Thema 0 10 Tagesordnungspunkte in 2 Sitzungen, Thema 1 9 in 2")
    assert ", 2 weitere Themen;" in text and "Thema 2" not in text


def test_the_answer_lists_sources_and_says_so_when_nothing_was_found():
    text = answer(COLUMNS, [_row("61", "Allgemeine Finanzwirtschaft", 2, 2, ["Haushalt 2019", "Jahresrechnung"])])
    assert text.startswith("Stadtrat 2019: 11 Sitzungen; Schwerpunkte: Allgemeine Finanzwirtschaft")
    assert "Quelle: https://ris.example.invalid/0" in text and "Quelle: https://ris.example.invalid/1" in text
    assert answer(COLUMNS, []) == "Keine Tagesordnungspunkte mit Thema gefunden."
