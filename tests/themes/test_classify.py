"""The classifier on titles written for these tests (the real titles are measured in test_accuracy)."""

from ratsinfo.themes import classify as c
from ratsinfo.themes.codes import LABELS, Theme


def test_titles_of_each_kind_land_in_their_area():
    cases = {
        "Bebauungsplan Nr. 12 „Am Mühlbach“ – Satzungsbeschluss": "51",
        "Sanierung der Kanalisation und der Abwasserleitungen im Ortsteil Nord": "53",
        "Beschaffung eines Löschfahrzeugs für die Freiwillige Feuerwehr": "12",
        "Haushaltssatzung und Haushaltsplan 2024": "61",
        "Erweiterung der Kindertagesstätte Sonnenschein um zwei Krippengruppen": "36",
        "Zuschuss an den Sportverein für den neuen Kunstrasenplatz": "42",
        "Einrichtung einer Buslinie zum Bahnhof": "54",
        "Bauantrag: Errichtung eines Einfamilienhauses mit Doppelgarage": "52",
        "Genehmigung der Niederschrift der Sitzung vom 3. März": "00",
        "Verschiedenes": "00",
    }
    got = {title: c.classify(title).code for title in cases}
    assert got == cases


def test_a_theme_has_a_label_a_confidence_and_a_different_runner_up():
    t = c.classify("Neufassung der Friedhofssatzung und der Friedhofsgebührensatzung")
    assert isinstance(t, Theme) and t.label == LABELS[t.code]
    assert 0.0 < t.confidence <= 1.0
    assert t.second is None or t.second != t.code


def test_the_lead_office_is_strong_evidence():
    title = "Vergabe der Leistungen für das Vorhaben Nordring"
    assert c.classify(title, lead_office="66 Tiefbauamt").code == "54"
    assert c.classify(title, lead_office="Amt für Stadtplanung").code == "51"
    assert c.office_code("Amt 51") == "36" and c.office_code("Tiefbauamt") == "54"
    assert c.office_code("Stabsstelle Z") is None


def test_the_paper_title_and_text_help_a_terse_item():
    terse = "Mittelbereitstellung"
    assert c.classify(terse).code == "61"
    helped = c.classify(terse, paper_title="Mittel für die Sanierung der Grundschule am Markt",
                        text="Die Schule braucht neue Fenster; der Schulträger stellt die Mittel bereit.")
    assert helped.code == "21"


def test_motions_are_judged_by_their_subject_not_by_who_filed_them():
    title = "Antrag der Fraktion Bündnis 90/Die Grünen betreffend „Mehr Radwege in der Innenstadt“"
    assert c.subject(title) == "Mehr Radwege in der Innenstadt"
    assert [code for _stem, code in c.stems_of("Antrag der Fraktion Bündnis 90/Die Grünen")] == []
    assert c.classify(title).code == "54"


def test_who_filed_a_motion_is_cut_before_and_after_its_subject():
    assert c.subject("Antrag Nr. 17/2024 der Fraktion Freie Liste: Mehr Bänke am Seeufer") == "Mehr Bänke am Seeufer"
    assert c.subject("Neue Buslinie zum Gewerbegebiet; Antrag Nr. 3/2023 der SPD vom 1.2.2023") == \
        "Neue Buslinie zum Gewerbegebiet"
    assert c.subject("Zuschuss an den Tennisclub (Antrag der CDU-Fraktion)") == "Zuschuss an den Tennisclub"
    kept = "Beschluss über den Antrag des Heimatvereins auf einen Zuschuss für das Dorffest"
    assert c.subject(kept) == kept  # a request someone files is the subject itself


def test_the_parts_of_a_hyphenated_compound_count_as_words():
    assert set(c.features("Kita-Ausbau")) >= {"l:kita", "l:ausbau"}


def test_stems_are_found_inside_compounds_but_not_in_look_alikes():
    assert ("feuerwehr", "12") in c.stems_of("Feuerwehrgerätehaus")
    assert [code for _s, code in c.stems_of("Schuldenabbau")] == ["61"]
    assert "42" not in [code for _s, code in c.stems_of("Transportkosten")]


def test_appointments_belong_to_the_administration_but_election_officers_to_public_order():
    assert c.is_appointment("Wahl von Mitgliedern des Jugendhilfeausschusses")
    assert c.classify("Wahl von Mitgliedern des Jugendhilfeausschusses").code == "11"
    assert not c.is_appointment("Besetzung des Wahlvorstandes für die Landtagswahl")
    assert c.classify("Besetzung des Wahlvorstandes für die Landtagswahl").code == "12"


def test_many_at_once_gives_the_same_answers_as_one_by_one():
    items = [("Haushaltssatzung 2025",), ("Neue Bänke im Stadtpark", None, None, "67 Grünflächenamt"),
             ("Anfragen",), ("Lärmaktionsplan, Stufe 4",)]
    assert c.classify_many(items) == [c.classify(*item) for item in items]


def test_senders_and_routing_appended_to_a_title_are_cut():
    assert c.subject("Neue Sitzbänke am Mühlenteich Antrag der BLAU-Fraktion") == "Neue Sitzbänke am Mühlenteich"
    assert c.subject("Ampel an der Lindenallee Stellungnahme der Polizei") == "Ampel an der Lindenallee"
    assert c.subject("Grünpflege am Bachlauf Eingabe vom 3.4.2025 Bitte des Umweltausschusses an das Amt") == \
        "Grünpflege am Bachlauf"
    assert c.subject("Radständer am Rathausplatz - Mitteilungsdrucksache des Amtes") == "Radständer am Rathausplatz"
    assert c.subject("Beschlussempfehlung des Ausschusses für Kultur - Zuschüsse für die Stadtteilbühne") == \
        "Zuschüsse für die Stadtteilbühne"


def test_a_subject_after_a_colon_and_a_short_title_stay_whole():
    kept = "Haushalt 2026: Antrag der GELB-Fraktion zum Arbeitsprogramm; Öffnung des Freibads"
    assert c.subject(kept) == kept
    assert c.subject("Eingabe") == "Eingabe"
    assert c.subject("Entwurf des Haushaltsplans 2026") == "Entwurf des Haushaltsplans 2026"


def test_section_headings_without_a_subject_are_procedure():
    for heading in ("Eingaben", "Anträge", "Vorlagen der Bezirksamtsleitung", "Berichte aus den Ausschüssen",
                    "Aktuelle Stunde", "Präsentationen"):
        assert c.classify(heading).code == "00", heading
    assert c.classify("Anträge: Neue Buslinie zum Bahnhof").code == "54"


def test_a_first_pass_over_new_words_gives_what_the_cached_words_give():
    titles = [("Sanierung der Kanalisation im Ortsteil Nord",), ("Feuerwehrgerätehaus Süd - Neubau",),
              ("Georg-Singer-Straße 5: Kultur-Preis der Stadt",)]
    warm = c.classify_many(titles)
    c.forget_words()
    assert c.classify_many(titles) == warm
    assert ("feuerwehr", "12") in c.stems_of("Feuerwehrgerätehaus")
