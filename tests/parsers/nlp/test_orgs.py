import pytest

from ratsinfo.parsers.nlp.pipeline import analyse


def orgs(text: str) -> dict:
    _mentions, found = analyse(text)._.orgs
    return {o.name: o for o in found.values()}


def test_genitive_forms_are_one_organisation():
    found = orgs("Der Krisenstab tagte. Die Mitglieder des Krisenstabes und die Leitung des Krisenstabs berieten.")
    assert list(found) == ["Krisenstab"]
    assert len(found["Krisenstab"].mentions) == 3


def test_inflected_adjectives_resolve_to_the_nominative():
    found = orgs("Die Sitzung des Kommunalen Präventionsrates war gut besucht. Der Kommunale Präventionsrat tagt.")
    assert list(found) == ["Kommunaler Präventionsrat"]
    assert found["Kommunaler Präventionsrat"].kind == "advisory_board"


def test_an_abbreviation_set_up_in_brackets_refers_to_the_body():
    found = orgs("Der Kriminalpräventive Rat der Stadt Wiesental (KPR) tagt. Der KPR hat eine Geschäftsstelle.")
    rat = found["Kriminalpräventiver Rat"]
    assert rat.abbreviation == "KPR"
    assert [m.text for m in rat.mentions] == ["Kriminalpräventive Rat", "KPR", "KPR"]


def test_two_names_with_one_determinant_are_one_body():
    found = orgs("Wie oft tagte das Steuerungsgremium? Die Steuerungsgruppe tagte dreimal. Die Steuerungsgruppe "
                 "beriet über Radwege.")
    assert list(found) == ["Steuerungsgruppe"]
    assert found["Steuerungsgruppe"].aliases == {"Steuerungsgremium"}


def test_working_groups_with_the_same_words_in_another_order_are_one():
    found = orgs("AG Umwelt und Verkehr:\n• Radwege\n\nDie AG Verkehr und Umwelt tagte zweimal.")
    assert len(found) == 1


def test_a_working_group_belongs_to_the_body_it_is_named_under():
    found = orgs("Die Arbeitsgruppen des Präventionsrates Mitte arbeiten so:\nAG Schule:\n• Pausenhof\n")
    assert found["AG Schule"].parent == "präventionsrat mitte"
    found = orgs("Die AG Sport des Integrationsbeirates tagte.")
    assert found["AG Sport"].parent == "integrationsbeirat"


def test_bodies_listed_inside_a_body_get_it_as_parent():
    found = orgs("Innerhalb des Präventionsrates Süd werden Lenkungsgruppe, Fachkonferenz und Geschäftsstelle "
                 "unterschieden.")
    assert found["Lenkungsgruppe"].parent == "präventionsrat süd"
    assert found["Fachkonferenz"].parent == "präventionsrat süd"


def test_kinds_of_bodies():
    found = orgs("Der Stadtrat, der Hauptausschuss, der Seniorenbeirat, die Projektgruppe Schule, die "
                 "Polizeidirektion Nord, das Ordnungsamt, die CDU-Fraktion und die Fachkonferenz tagten.")
    kinds = {name: o.kind for name, o in found.items()}
    assert kinds == {"Stadtrat": "council", "Hauptausschuss": "committee", "Seniorenbeirat": "advisory_board",
                     "Projektgruppe Schule": "working_group", "Polizeidirektion Nord": "police",
                     "Ordnungsamt": "department", "CDU-Fraktion": "faction", "Fachkonferenz": "conference"}


def test_generic_words_are_not_bodies():
    found = orgs("Der Rat gab uns einen Rat. Die Zielgruppe und das Amt. Ein Maßstab. Die Arbeitsgruppe tagte. "
                 "Eine Pressekonferenz fand statt.")
    assert found == {}


def test_a_council_word_before_a_name_is_a_title():
    found = orgs("Stadtrat Peter Jansen sprach. Der Stadtrat beschloss.")
    assert list(found) == ["Stadtrat"]
    assert len(found["Stadtrat"].mentions) == 1


def test_coordinated_compounds_are_one_body():
    found = orgs("Der Kinder- und Jugendbeirat tagte. Der Bau-, Planungs- und Umweltausschuss beriet. "
                 "Der Finanz- und Haushaltsausschuss auch.")
    assert set(found) == {"Kinder- und Jugendbeirat", "Bau-, Planungs- und Umweltausschuss",
                          "Finanz- und Haushaltsausschuss"}


def test_councils_named_with_their_place_or_part_of_town():
    found = orgs("Stadt Bergheim\n\nSitzung des Stadtrates Bergheim. Der Stadtbezirksrat Nord tagte, Stadtrat Müller "
                 "sprach. Der Stadtrat Bergheim beschloss.")
    assert {n: o.kind for n, o in found.items()} == {"Stadtrat Bergheim": "council",
                                                      "Stadtbezirksrat Nord": "council"}


def test_the_council_itself_as_rat():
    text = ("Die Frage wurde im Rat beraten. Der Rat der Stadt Bergheim beschließt die Satzung. "
            "Der Rat gab uns einen Rat.")
    (rat,) = orgs(text).values()
    assert rat.kind == "council" and {rat.name, *rat.aliases} == {"Rat", "Rat der Stadt Bergheim"}
    assert text.rindex("Rat") not in {m.start for m in rat.mentions}  # advice is no body


def test_advisory_councils_are_no_town_councils():
    found = orgs("Der Seniorenrat und der Integrationsrat berieten mit dem Gemeinderat.")
    assert {n: o.kind for n, o in found.items()} == {"Seniorenrat": "advisory_board",
                                                      "Integrationsrat": "advisory_board", "Gemeinderat": "council"}


def test_working_groups_listed_in_brackets_or_quotes():
    found = orgs("Es wurden vier Arbeitskreise (Energie, Gesundheit, Natur und Verkehr) gegründet. "
                 "Die Runden Tische „Radverkehr“ und „Stadtklima“ bestehen seit einem Jahr. "
                 "Die AG „Schulwege, Verkehr“ tagte.")
    assert set(found) == {"Arbeitskreis Energie", "Arbeitskreis Gesundheit", "Arbeitskreis Natur",
                          "Arbeitskreis Verkehr", "Runder Tisch Radverkehr", "Runder Tisch Stadtklima",
                          "AG Schulwege, Verkehr"}
    assert all(o.kind == "working_group" for o in found.values())


def test_working_groups_named_in_a_row_sessions_of_groups_and_groups_formed_on_quoted_themes():
    found = orgs("Der Jugendbeirat bildete den Arbeitskreis Sport und Arbeitskreis Musik. "
                 "Der Umweltbeirat beriet in zwei AG-Sitzungen (Wasser, Boden). "
                 "Die Gäste teilten sich in zwei Gruppen zu den Themen “Spielplätze und Parks” (Sprecher Jan Ott) "
                 "und “Schulweg” (Sprecherin Ida Noll) ein.")
    assert set(found) - {"Jugendbeirat", "Umweltbeirat"} == {
        "Arbeitskreis Sport", "Arbeitskreis Musik", "AG Wasser", "AG Boden", "Arbeitsgruppe Spielplätze und Parks",
        "Arbeitsgruppe Schulweg"}


def test_groups_of_people_without_themes_are_no_working_groups():
    found = orgs("Die Besucher bildeten Gruppen. Zwei Gruppen zu je zehn Personen besichtigten das Rathaus.")
    assert not [o for o in found.values() if o.kind == "working_group"]


def test_what_a_group_shall_do_after_eine_gruppe_is_no_name_of_the_group():
    found = orgs("Hier soll eine Projektgruppe Lösungen erarbeiten. Eine weitere Arbeitsgruppe Vorschläge machen. "
                 "Eine Projektgruppe soll Klarheit darüber schaffen. "
                 "Es wurde eine neue Arbeitsgruppe Mobilität gebildet.")
    assert [n for n, o in found.items() if o.kind == "working_group"] == ["Arbeitsgruppe Mobilität"]


def test_a_body_keeps_its_name_without_the_town():
    found = orgs("Stadt Bergheim\n\nDer Beirat für Klimaschutz in Bergheim tagte. Der Sportbeirat für Bergheim auch.")
    assert set(found) == {"Beirat für Klimaschutz", "Sportbeirat"}


def test_factions_named_by_their_party_in_any_order():
    from ratsinfo.parsers.nlp.extract import extract

    text = ("Der Antrag der Grünen Fraktion wird beraten. Die Fraktionen der SPD und der FDP lehnen ab, die "
            "Fraktion Die Linke stimmt zu. Auf Vorschlag der Fraktion der CDU wird vertagt.")
    got = {f.subject for f in extract(text, document_key="d", document="d").facts
           if f.kind == "organization" and f.value == "faction"}
    assert got == {"Grüne Fraktion", "SPD-Fraktion", "FDP-Fraktion", "Fraktion Die Linke", "CDU-Fraktion"}


def test_numbered_departments_with_their_names():
    from ratsinfo.parsers.nlp.extract import extract

    text = "Federführend: FB 42 - Umwelt und Grünflächen Bearbeiterin: Frau Beispiel\n- FB7 - Öffentliche Ordnung\n"
    got = {f.subject for f in extract(text, document_key="d", document="d").facts
           if f.kind == "organization" and f.value == "department"}
    assert got == {"FB 42 - Umwelt und Grünflächen", "FB7 - Öffentliche Ordnung"}


def test_a_body_spelled_with_and_without_the_gender_sign_is_one():
    from ratsinfo.parsers.nlp.extract import extract

    text = ("Die Satzung über die Bildung eines SeniorInnenbeirates wird geändert. Der Senior*innenbeirat besteht "
            "aus neun Mitgliedern.")
    orgs = [f.subject for f in extract(text, document_key="d", document="d").facts if f.kind == "organization"]
    assert len(orgs) == 1 and orgs[0].casefold().replace("*", "").startswith("seniorinnenbeirat")


@pytest.mark.parametrize("sentence, name", [
    ("Der Ortsbeirat Mitte hat den Antrag beraten.", "Ortsbeirat Mitte"),
    ("Die Bezirksvertretung Nord befasste sich mit dem Antrag.", "Bezirksvertretung Nord"),
])
def test_councils_of_a_part_of_town_keep_its_name_and_are_councils(facts_of, sentence, name):
    (o,) = facts_of(sentence)["organization"]
    assert (o.subject, o.value) == (name, "council")


@pytest.mark.parametrize("sentence", [
    "Der Aufsichtsrat der Stadtwerke GmbH und der Betriebsrat wurden informiert.",
    "Der Verwaltungsrat der Sparkasse tagte im Mai.",
    "Der Elternbeirat der Grundschule schrieb einen Brief.",
    "Der Pfarrgemeinderat lud zum Fest ein.",
])
def test_boards_of_companies_schools_and_churches_are_no_bodies_of_the_council(facts_of, sentence):
    assert "organization" not in facts_of(sentence)


def test_a_person_after_a_group_is_not_part_of_its_name(facts_of):
    (o,) = facts_of("In die Lenkungsgruppe Frau Meier und Herr Schulz entsandt.")["organization"]
    assert o.subject == "Lenkungsgruppe"


def test_a_youth_parliament_and_a_youth_advisory_board_are_two_bodies(facts_of):
    facts = facts_of("Das Jugendparlament tagte. Sein Sprecher wurde in den Jugendbeirat gewählt.")
    assert sorted(o.subject for o in facts["organization"]) == ["Jugendbeirat", "Jugendparlament"]


@pytest.mark.parametrize("text, name", [("Amt Nordmarsch\nDer Amtsvorsteher", "Amt Nordmarsch"),
                                        ("Die Verwaltung des Amtes Hügelland-Ost lädt ein.", "Amt Hügelland-Ost")])
def test_an_amt_named_after_its_region_is_an_administration(facts_of, text, name):
    (o,) = facts_of(text)["organization"]
    assert (o.subject, o.value) == (name, "department")


@pytest.mark.parametrize("text", ["Sie trat ihr Amt Anfang des Jahres an.",
                                  "Das Amt Kinder, Jugend und Familie lädt ein."])
def test_an_office_held_or_a_list_of_remits_is_no_amt_of_a_region(facts_of, text):
    assert "Amt Anfang" not in [o.subject for o in facts_of(text).get("organization", [])]
    assert "Amt Kinder" not in [o.subject for o in facts_of(text).get("organization", [])]


def test_offices_of_the_administration_named_büro(facts_of):
    facts = facts_of("Das Frauenbüro und das Bürgerbüro laden ein; das Ingenieurbüro Meier plant die Straße.")
    assert sorted((o.subject, o.value) for o in facts["organization"]) == [
        ("Bürgerbüro", "department"), ("Frauenbüro", "department")]


def test_a_body_after_an_indefinite_article_is_a_kind_of_body_not_one():
    found = orgs("Ein eigener kriminalpräventiver Rat wurde in Lindental nicht gebildet. Es gibt viele Runde Tische.")
    assert found == {}


def test_a_body_the_text_sets_up_counts_even_with_an_indefinite_article():
    assert "Jugendbeirat" in orgs("Die Fraktion beantragt die Einrichtung eines Jugendbeirates.")
    assert "Klimabeirat" in orgs("Der Rat beschließt, einen Klimabeirat einzurichten.")


def test_a_description_of_a_body_named_before_is_no_second_body():
    found = orgs("Der Ordnungsrat ist das zentrale Lenkungsgremium der Partnerschaft in Feldkirch.")
    assert list(found) == ["Ordnungsrat"]


def test_a_short_name_in_brackets_is_an_alias():
    found = orgs("Der Beirat für Baukultur und Stadtbild (Stadtbildbeirat) tagt öffentlich. Der Stadtbildbeirat "
                 "berät den Bauausschuss.")
    assert sorted(found) == ["Bauausschuss", "Beirat für Baukultur und Stadtbild"]
    assert found["Beirat für Baukultur und Stadtbild"].aliases == {"Stadtbildbeirat"}


def test_the_council_of_a_town_is_a_council_after_an_advisory_board():
    found = orgs("Für den Jugendrat gilt die Geschäftsordnung des Rates der Stadt Kellbach.")
    assert found["Rat der Stadt Kellbach"].kind == "council"


def test_a_board_named_with_von_and_a_session_of_the_council_in_one_word():
    found = orgs("Der Beirat von Menschen mit Behinderungen berichtet. Die Ratssitzung folgt im Mai.")
    assert found["Beirat von Menschen mit Behinderungen"].kind == "advisory_board"
    assert found["Rat"].kind == "council"


def test_fachausschuss_refers_to_the_committee_named_before():
    found = orgs("Frau Ott, Vorsitzende des Ausschusses für Wege und Plätze, eröffnet die 9. Sitzung des "
                 "Fachausschusses.")
    assert list(found) == ["Ausschuss für Wege und Plätze"]
    assert len(found["Ausschuss für Wege und Plätze"].mentions) == 2


def test_kaemmerei_kommunalaufsicht_and_coordination_groups():
    found = orgs("Die Kommunalaufsicht prüft, die Kämmerei rechnet, die Koordinierungsgruppe plant und die "
                 "Verbandsgemeindeverwaltung lädt ein.")
    assert {n: o.kind for n, o in found.items()} == {
        "Kommunalaufsicht": "department", "Kämmerei": "department", "Koordinierungsgruppe": "staff",
        "Verbandsgemeindeverwaltung": "department"}


def test_a_body_introduced_with_an_indefinite_article_is_one():
    found = orgs("Die Gesundheitskonferenz und die Pflegekonferenz haben seit 2020 einen gemeinsamen Lenkungskreis.")
    assert found["Lenkungskreis"].kind == "staff"


def test_the_council_of_a_town_and_its_compound_name_are_one_council():
    found = orgs("Der Rat der Samtgemeinde Kellberg tagt. Der Samtgemeinderat beauftragt die Verwaltung.")
    assert list(found) == ["Rat der Samtgemeinde Kellberg"]
    assert found["Rat der Samtgemeinde Kellberg"].aliases == {"Samtgemeinderat"}


def test_a_group_of_parties_is_a_faction():
    found = orgs("Ratsfrau Ott (Gruppe SPD/Grüne) und Ratsherr Kurz (Gruppe Die LINKE und PIRATEN) stimmen zu. "
                 "Die Gruppe Jugend plant ein Fest.")
    assert {n: o.kind for n, o in found.items()} == {"Gruppe SPD/Grüne": "faction",
                                                     "Gruppe Die LINKE und PIRATEN": "faction"}


def test_an_assembly_is_named_after_those_who_meet_in_it():
    found = orgs("Die Vollversammlung der Lokalen Agenda 21 wählte den Sprecher. Das Plenum des Klimabeirates tagt. "
                 "Die Delegiertenversammlung der Sportvereine der Stadt Kellbach tagt jährlich.")
    assert set(found) == {"Vollversammlung der Lokalen Agenda 21", "Lokale Agenda 21", "Plenum", "Klimabeirat",
                          "Delegiertenversammlung der Sportvereine"}


def test_a_faction_named_with_its_party_and_a_slash():
    found = orgs("Die Kreistagsfraktion Bündnis 90 / Die Grünen stimmt zu. Auch die Kreistagsfraktion "
                 "Bündnis 90/Die Grünen schlägt es vor.")
    assert len(found) == 1
    assert next(iter(found.values())).kind == "faction"


def test_working_groups_listed_after_unter_anderem():
    found = orgs("Der Kinderbeirat arbeitet in Arbeitsgruppen, unter anderem „Spielplätze“ und „Schulweg“.")
    assert {"Arbeitsgruppe Spielplätze", "Arbeitsgruppe Schulweg"} <= set(found)


def test_a_word_in_scare_quotes_is_no_body():
    found = orgs("Der Kinderrat tagte wie im „Großstadtrat“ üblich. Die Struktur des Rates ist einfach.")
    assert list(found) == ["Kinderrat"]


def test_a_person_after_a_body_in_a_list_is_no_part_of_its_name():
    found = orgs("Weiterhin anwesend:\nSprecherin Seniorenbeirat Maria Kunz\nLenkungsgruppe Sicheres Quartier\n")
    assert set(found) == {"Seniorenbeirat", "Lenkungsgruppe Sicheres Quartier"}


def test_a_board_named_after_the_institution_it_advises():
    found = orgs("Wahl von Mitgliedern des Beirates der Musikschule. Der Beirat der Stadt Kellbach tagt.")
    assert "Beirat der Musikschule" in found
    assert not any(name.startswith("Beirat der Stadt") for name in found)


def test_gendered_and_plain_forms_of_a_board_are_one():
    found = orgs("Der Senior*innenbeirat tagt. Längst hätte sich ein Seniorenbeirat bilden können.")
    assert list(found) == ["Senior*innenbeirat"]


def test_no_name_after_a_body_named_with_a_demonstrative():
    found = orgs("Der Kinderbeirat tagt. Für die Kinder soll dieser Beirat Treffpunkt und Sprachrohr sein.")
    assert list(found) == ["Kinderbeirat"]


@pytest.mark.parametrize("rank", ["Amtsrat", "Oberamtsrat", "Gemeindeamtsrat", "Stadtbaurat", "Regierungsrat",
                                  "Gemeindeverwaltungsrat", "Studienrat"])
def test_a_rank_of_the_civil_service_before_a_surname_is_no_body(rank):
    found = orgs(f"Von der Verwaltung nahmen {rank} Kuhnert und der Seniorenbeirat teil.")
    assert list(found) == ["Seniorenbeirat"]


def test_the_council_of_a_local_community_is_a_council():
    found = orgs("Der Ortsgemeinderat hat dem Antrag zugestimmt; der Jugendbeirat auch.")
    assert (found["Ortsgemeinderat"].kind, found["Jugendbeirat"].kind) == ("council", "advisory_board")


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Die Kommission für Denkmalpflege berät den Stadtrat.", "Kommission für Denkmalpflege", "committee"),
    ("Der Fachausschuss für Verkehr und Umwelt tagt öffentlich.", "Fachausschuss für Verkehr und Umwelt", "committee"),
    ("Die Konferenz für Bildung und Teilhabe trifft sich jährlich.", "Konferenz für Bildung und Teilhabe",
     "conference"),
])
def test_a_bare_head_with_its_field_after_für_names_a_body(text, name, kind):
    assert orgs(text)[name].kind == kind


def test_a_bare_commission_without_its_field_names_no_body():
    assert orgs("Die Kommission hat getagt.") == {}


@pytest.mark.parametrize(("text", "compound"), [
    ("Der Gestaltungsbeirat tagt. Geschäftsordnung des Beirates für Architektur und Stadtgestaltung.",
     "Gestaltungsbeirat"),
    ("Der Klimabeirat tagt. Die Geschäftsordnung des Beirates für Klimaschutz gilt seit 2019.", "Klimabeirat"),
    ("Der Behindertenbeirat tagt; der Beirat für Menschen mit Behinderungen berät die Stadt.", "Behindertenbeirat"),
])
def test_a_compound_and_its_spelled_out_name_are_one_body(text, compound):
    (org,) = orgs(text).values()
    assert compound in {org.name, *org.aliases}


def test_a_committee_for_several_fields_stays_apart_from_a_compound_for_one():
    found = orgs("Der Jugendausschuss und der Ausschuss für Jugend, Kultur und Sport tagten nacheinander.")
    assert set(found) == {"Jugendausschuss", "Ausschuss für Jugend, Kultur und Sport"}


def test_a_committee_for_another_field_stays_apart():
    assert len(orgs("Der Sportausschuss und der Ausschuss für Bauen tagten nacheinander.")) == 2


@pytest.mark.parametrize("name", ["Präventionsgruppe", "Koordinationsgruppe", "Koordinationskreis",
                                  "Koordinationsteam"])
def test_steering_groups_of_every_spelling_are_staff(name):
    assert orgs(f"Die Sitzung der {name} fand im Rathaus statt.")[name].kind == "staff"


@pytest.mark.parametrize("word", ["Zielgruppe", "Bevölkerungsgruppe", "Landkreis", "Personenkreis"])
def test_groups_and_circles_of_people_are_no_bodies(word):
    assert orgs(f"Die {word} wurde im Bericht näher beschrieben.") == {}


@pytest.mark.parametrize("member", ["SPD-Stadtrat", "CDU-Gemeinderat", "FDP-Kreisrat", "Grünen-Stadtrat"])
def test_a_council_member_named_with_the_party_is_no_body(member):
    found = orgs(f"{member} Meier und die CDU-Fraktion stimmten dem Antrag zu.")
    assert list(found) == ["CDU-Fraktion"]


@pytest.mark.parametrize(("text", "unit"), [
    ("Herr Brandt, kommissarischer Leiter des Bereichs Jugendarbeit, erläutert die Zahlen.", "Bereich Jugendarbeit"),
    ("Der Leiter der Abteilung Stadtentwicklung und Wohnen stellt den Plan vor.",
     "Abteilung Stadtentwicklung und Wohnen"),
    ("Verwaltung:\nFrau Lindner Fachbereichsleiterin Bauen, Umwelt und Ordnung\nHerr Brandt",
     "Fachbereich Bauen, Umwelt und Ordnung"),
])
def test_a_unit_of_the_administration_named_through_its_head(text, unit):
    assert orgs(text)[unit].kind == "department"


@pytest.mark.parametrize("text", ["Fachbereichsleiterin Ilona Kühn stellte die Neuerung vor.",
                                  "Fachbereichsleiter Habben stellt die Anwesenheit fest.",
                                  "Die Leitung des Amtes übernimmt Frau Kühn."])
def test_the_head_of_a_unit_named_with_a_person_names_no_unit(text):
    assert orgs(text) == {}


def test_the_units_of_the_staff_in_an_attendance_list_are_departments():
    found = orgs("Verwaltung: Frau Dr. Vera Kühn (Energiemanagement), Tim Ott (Stadtplanung), "
                 "Kurt Zahn (Geschäftsführer eines Planungsbüros), Jana Lutz (CDU), Eva Brink (Vorsitzende)\n\n"
                 "TOP 1 Eröffnung")
    assert {n for n, o in found.items() if o.kind == "department"} == {"Energiemanagement", "Stadtplanung"}


def test_a_unit_after_a_name_one_a_line_is_a_department():
    found = orgs("Verwaltung:\nFrau Kühn Bereich Rats- und Ausschussangelegenheiten\nHerr Ott Bereich Stadtplanung\n")
    assert set(found) == {"Bereich Rats- und Ausschussangelegenheiten", "Bereich Stadtplanung"}


def test_brackets_outside_the_staff_of_an_attendance_list_name_no_unit():
    assert orgs("Anwesend: Frau Kühn (Stadtplanung), Herr Ott (Energiemanagement)") == {}


@pytest.mark.parametrize(("word", "council"), [("Samtgemeinderatsbeschlusses", "Samtgemeinderat"),
                                               ("Kreistagsbeschluss", "Kreistag"),
                                               ("Stadtratsbeschlüsse", "Stadtrat")])
def test_a_decision_named_after_its_council_names_the_council(word, council):
    assert orgs(f"Zur Vorbereitung des {word} legt die Verwaltung den Plan vor.")[council].kind == "council"


def test_a_bare_council_decision_names_no_council():
    assert orgs("Der Ratsbeschluss wurde umgesetzt.") == {}


def test_the_council_deciding_is_the_council_and_advice_is_no_body():
    assert orgs("Nach der Aussprache beschloss der Rat die Satzung.")["Rat"].kind == "council"
    assert orgs("Die Verwaltung lehnt den Rat der Bürger ab.") == {}


def test_the_field_after_für_ends_at_a_second_noun():
    assert list(orgs("Bis Juni hat der Beirat für Klimaschutz Zeit für eine Stellungnahme.")) == [
        "Beirat für Klimaschutz"]
    assert list(orgs("Der Ausschuss für Öffentliche Sicherheit und Ordnung tagt.")) == [
        "Ausschuss für Öffentliche Sicherheit und Ordnung"]


@pytest.mark.parametrize("body", ["Schulkonferenz", "Lehrerkonferenz", "Klassenkonferenz", "Schülerrat",
                                  "Kultusministerkonferenz", "Ethikkommission"])
def test_bodies_of_schools_universities_and_ministers_are_no_council_bodies(body):
    found = orgs(f"Die {body} hat zugestimmt, ebenso die Gesundheitskonferenz.")
    assert list(found) == ["Gesundheitskonferenz"]


@pytest.mark.parametrize(("text", "office"), [
    ("Frau Roth vom Ausländeramt des Landratsamtes Waldaukreis bedankt sich.", "Landratsamt Waldaukreis"),
    ("Beirat beim Ortsamt Talheim\nVorsitz: Herr Bode vom Ortsamt Talheim.", "Ortsamt Talheim"),
])
def test_an_office_named_after_its_district_keeps_the_district(text, office):
    assert orgs(text)[office].kind == "department"


def test_an_office_followed_by_a_surname_or_a_noun_keeps_its_name():
    assert set(orgs("Das Jugendamt Meier hat geschrieben. Das Ordnungsamt Informationen gab es nicht.")) == {
        "Jugendamt", "Ordnungsamt"}


def test_a_body_of_the_own_spa_town_keeps_its_plain_name():
    assert list(orgs("Stadt Bad Talheim\n\nDer Präventionsrat der Stadt Bad Talheim tagt.")) == ["Präventionsrat"]


@pytest.mark.parametrize(("text", "name"), [
    ("Der Ausschuss für öffentliche Ordnung und Verkehr tagt im Rathaus.",
     "Ausschuss für öffentliche Ordnung und Verkehr"),
    ("Dem Beirat für kommunale Partnerschaften gehören neun Mitglieder an.",
     "Beirat für kommunale Partnerschaften"),
    ("Im Ausschuss für Landwirtschaft und ländliche Räume wurde beraten.",
     "Ausschuss für Landwirtschaft und ländliche Räume"),
])
def test_a_field_with_a_lower_case_adjective_belongs_to_the_name(text, name):
    assert list(orgs(text)) == [name]


def test_an_article_after_the_field_is_no_part_of_the_name():
    assert list(orgs("Morgen legt der Ausschuss für Umwelt einen Bericht vor.")) == ["Ausschuss für Umwelt"]


@pytest.mark.parametrize(("text", "name"), [
    ("Der Ausschuss Planen und Bauen empfiehlt dem Rat die Annahme.", "Ausschuss Planen und Bauen"),
    ("Beraten hat der Ausschuss Umwelt, Klima und Mobilität.", "Ausschuss Umwelt, Klima und Mobilität"),
    ("Beratungsfolge:\nAusschuss Finanzen\nStadtrat", "Ausschuss Finanzen"),
    ("Die Kommission Stadtgestaltung tagte zweimal.", "Kommission Stadtgestaltung"),
])
def test_a_committee_named_with_its_fields_without_für(text, name):
    assert orgs(text)[name].kind == "committee"


@pytest.mark.parametrize("text", ["Morgen wird dem Ausschuss Bericht erstattet.",
                                  "Die Verwaltung wird im Ausschuss Stellung nehmen.",
                                  "Dazu hat der Ausschuss Herrn Albers gehört.",
                                  "Der Ausschuss Ende Mai wird verschoben."])
def test_what_a_committee_is_given_is_no_field_of_its_name(text):
    assert orgs(text) == {}


@pytest.mark.parametrize(("word", "kind"), [
    ("Kuratorium", "advisory_board"), ("Stadtteilarbeitsgemeinschaft", "working_group"), ("Steuergruppe", "staff"),
    ("Begleitgremium", "staff"), ("Projektteam", "staff"), ("Behindertenvertretung", "advisory_board"),
    ("Schülerparlament", "advisory_board"), ("Ausländerbehörde", "department"),
    ("Gleichstellungsstelle", "department"), ("Bauverwaltung", "department"), ("Stadtkasse", "department"),
    ("Gemeindebauhof", "department"), ("Bauaufsicht", "department"),
])
def test_bodies_and_offices_of_the_usual_fields_are_known(word, kind):
    assert orgs(f"Im Bericht steht, dass {word} und Rathaus zugestimmt haben.")[word].kind == kind


@pytest.mark.parametrize("word", ["Fachgremium", "Beratungsgremium", "Haltestelle", "Baustelle", "Zielgruppe"])
def test_words_that_describe_a_body_or_a_place_name_none(word):
    assert orgs(f"Das wurde als {word} beschrieben.") == {}


@pytest.mark.parametrize(("text", "names"), [
    ("Die Fraktionen von CDU und SPD beantragen gemeinsam.", ["CDU-Fraktion", "SPD-Fraktion"]),
    ("Stellungnahme der Fraktionen CDU, SPD und FDP", ["CDU-Fraktion", "SPD-Fraktion", "FDP-Fraktion"]),
    ("Die Ratsfraktion der Grünen beantragt eine Prüfung.", ["Grünen-Fraktion"]),
    ("Die Fraktion der Freien Wähler beantragt eine Prüfung.", ["Fraktion Freie Wähler"]),
    ("Die CDU/CSU-Fraktion lehnt den Antrag ab.", ["CDU/CSU-Fraktion"]),
])
def test_the_factions_of_parties_named_after_the_word_or_in_a_list(text, names):
    found = orgs(text)
    assert list(found) == names
    assert {o.kind for o in found.values()} == {"faction"}


@pytest.mark.parametrize(("text", "unit"), [
    ("Der Fachdienst Jugend und Familie prüft den Antrag.", "Fachdienst Jugend und Familie"),
    ("Die Abteilung Stadtplanung legt einen Entwurf vor.", "Abteilung Stadtplanung"),
    ("Zuständig ist das Sachgebiet Verkehr.", "Sachgebiet Verkehr"),
])
def test_a_unit_of_the_administration_named_with_its_field(text, unit):
    assert orgs(text)[unit].kind == "department"


def test_a_person_after_a_unit_is_no_field_of_the_unit():
    assert orgs("Die Abteilung Frau Lenz hat geprüft.") == {}


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Das Netzwerk Frühe Förderung traf sich im Rathaus.", "Netzwerk Frühe Förderung", "working_group"),
    ("Das Bündnis gegen Einsamkeit lädt ein.", "Bündnis gegen Einsamkeit", "working_group"),
    ("Das Forum Jugend berät die Verwaltung.", "Forum Jugend", "conference"),
])
def test_a_network_an_alliance_or_a_forum_with_its_name_is_a_body(text, name, kind):
    assert orgs(text)[name].kind == kind


@pytest.mark.parametrize("forum", ["Seniorenforum", "Präventionsforum", "Bürgerforum"])
def test_a_forum_is_a_gathering(forum):
    assert orgs(f"Im Mai tagte das {forum} im Bürgerhaus.")[forum].kind == "conference"


def test_a_forum_on_the_internet_is_no_body():
    assert orgs("Die Frage kam im Internetforum auf.") == {}


def test_the_alliance_in_a_party_name_is_no_body():
    assert list(orgs("Die Fraktion Bündnis 90/Die Grünen beantragt, das Netzwerk zu stärken.")) == [
        "Fraktion Bündnis 90/Die Grünen"]


def test_the_local_agenda_of_a_town_is_one_body_in_every_case():
    found = orgs("Die Lokale Agenda 21 lädt ein. Die Sprecher der Lokalen Agenda 21 berichten. Die LA 21 dankt.")
    assert found["Lokale Agenda 21"].kind == "working_group"
    assert len(found["Lokale Agenda 21"].mentions) == 3


def test_a_body_in_a_letter_spaced_heading_is_read_from_its_letters():
    found = orgs("N i e d e r s c h r i f t\nüber die Sitzung des S o z i a l a u s s c h u s s e s\n"
                 "Der Ausschuss tagte.")
    assert found["Sozialausschuss"].kind == "committee"


def test_a_letter_spaced_word_that_names_no_body_is_none():
    assert orgs("T a g e s o r d n u n g\nB e i r a t\nDie Sitzung beginnt.") == {}


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Der Stadtvorstand hat die Vorlage beraten.", "Stadtvorstand", "council"),
    ("Der Verwaltungsvorstand hat die Vorlage beraten.", "Verwaltungsvorstand", "staff"),
    ("Der Kommunale Ordnungsdienst kontrolliert die Parkplätze.", "Kommunaler Ordnungsdienst", "department"),
])
def test_executive_boards_and_the_municipal_enforcement_service(text, name, kind):
    assert orgs(text)[name].kind == kind


def test_the_board_of_a_party_district_is_no_council_body():
    assert orgs("Der Kreisvorstand der Partei hat getagt.") == {}


@pytest.mark.parametrize("noun", ["Hinweise", "Anregungen", "Empfehlungen", "Bedenken"])
def test_what_a_board_gives_after_its_name_is_no_part_of_the_name(noun):
    assert list(orgs(f"Dazu hat der Klimabeirat {noun} gegeben.")) == ["Klimabeirat"]


@pytest.mark.parametrize(("word", "kind"), [("Kreisseniorenvertretung", "advisory_board"),
                                            ("Stadt-Jugendparlament", "advisory_board"),
                                            ("Ortsarbeitskreis", "working_group")])
def test_a_body_keeps_its_kind_with_the_level_it_works_at_before_it(word, kind):
    assert orgs(f"Gestern tagte {word} und Rathaus.")[word].kind == kind


def test_a_state_wide_representation_is_an_association_no_body_of_the_town():
    assert orgs("Die Landesseniorenvertretung hat eingeladen.") == {}


def test_a_board_named_with_its_field_without_für():
    assert orgs("Im Mai tagte der Beirat Barrierefreiheit öffentlich.")["Beirat Barrierefreiheit"].kind == \
        "advisory_board"


def test_what_a_board_is_meant_to_be_after_a_demonstrative_is_no_name():
    assert orgs("Für die Schüler soll dieser Beirat Halt und Stütze sein.") == {}


@pytest.mark.parametrize(("text", "unit"), [("Der Fachbereich 4 prüft den Antrag.", "Fachbereich 4"),
                                            ("Das Amt 32 hat Stellung genommen.", "Amt 32"),
                                            ("Das Dezernat II hat zugestimmt.", "Dezernat II")])
def test_a_unit_of_the_administration_named_by_its_number(text, unit):
    assert orgs(text)[unit].kind == "department"


def test_years_in_office_are_no_unit():
    assert orgs("Sie ist seit Mai im Amt 2 Jahre nach der Wahl.") == {}


@pytest.mark.parametrize(("text", "office"), [
    ("Anfragen gehen an das Büro des Landrats.", "Büro des Landrats"),
    ("Das Büro für Bürgerbeteiligung berät die Ortsteile.", "Büro für Bürgerbeteiligung"),
])
def test_an_office_named_after_those_it_serves_or_its_field(text, office):
    assert orgs(text)[office].kind == "department"


def test_a_bare_office_is_no_body():
    assert orgs("Das Büro ist montags geschlossen.") == {}


@pytest.mark.parametrize(("text", "name"), [
    ("Der Ortsteilrat Lindental tagte im Gemeindehaus.", "Ortsteilrat Lindental"),
    ("Die Ortsteilvertretung hat zugestimmt.", "Ortsteilvertretung"),
])
def test_the_elected_council_of_a_part_of_town_is_a_council(text, name):
    assert orgs(text)[name].kind == "council"


def test_an_amt_named_after_a_region_of_two_names_keeps_it_before_a_comma():
    found = orgs("Sitzungsort: Saal des Amtes Heide-Marsch, Am Deich 4")
    assert found["Amt Heide-Marsch"].kind == "department"


@pytest.mark.parametrize("amt", ["Amt Nordener Geest", "Amt Mittleres Moorland"])
def test_an_amt_named_after_a_landscape_keeps_both_words(amt):
    assert orgs(f"Die Verwaltung des {amt.replace('Amt', 'Amtes')} lädt ein.")[amt].kind == "department"


@pytest.mark.parametrize("body", ["Jugendkreistag", "Jugendratsversammlung"])
def test_a_council_of_young_people_advises_the_council(body):
    found = orgs(f"Der Kreistag hörte den {body} an." if body.endswith("tag") else
                 f"Der Kreistag hörte die {body} an.")
    assert found[body].kind == "advisory_board"
    assert found["Kreistag"].kind == "council"


def test_für_shortened_to_f_still_names_the_field():
    assert orgs("Beratungsfolge: Ausschuss f. Schule und Sport")["Ausschuss f. Schule und Sport"].kind == "committee"
