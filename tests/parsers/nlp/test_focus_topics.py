"""Themes named after a cue of focus, lists of what a body works on, and decisions of joined bodies: the
sentences are written for these tests in the manner of council prose."""

from ratsinfo.parsers.nlp.topic_phrases import noun_phrase, shorten_item


def topics(facts_of, text: str) -> set[tuple[str | None, str, int | None]]:
    return {(t.subject, t.value, t.year) for t in facts_of(text).get("topic", [])}


def test_a_noun_phrase_ends_at_the_verb_after_it():
    assert noun_phrase("Lärmschutz an der Bahnlinie soll im Herbst beraten werden.") == "Lärmschutz an der Bahnlinie"
    assert noun_phrase("den Erhalt des Freibades ein.") == "Erhalt des Freibades"
    assert noun_phrase("wird vertagt.") == ""


def test_a_noun_phrase_runs_over_prepositions_of_one_and_two_words():
    assert noun_phrase("die Sicherheit rund um den Marktplatz. Der Rat") == "Sicherheit rund um den Marktplatz"
    assert noun_phrase("Fragen hinsichtlich der Schulwegplanung wurden gestellt") == \
        "Fragen hinsichtlich der Schulwegplanung"
    assert noun_phrase("rund 40 Teilnehmende kamen") == ""


def test_a_plural_cue_lets_the_phrase_run_over_its_commas():
    assert noun_phrase("Lärm, Radwege und Parken. Danach", commas=True) == "Lärm, Radwege und Parken"
    assert noun_phrase("Lärm, Herr Kurz berichtet") == "Lärm"


def test_a_list_item_is_cut_to_the_field_it_names():
    assert shorten_item("der Förderung von Angeboten für Familien in den Bereichen Sport und Spiel,") == \
        "Sport und Spiel"
    assert shorten_item("Öffentlichkeitsarbeit, insbesondere Pressetermine,") == "Öffentlichkeitsarbeit"
    assert shorten_item("Wohnungsfragen (barrierearme Wohnungen).") == "Wohnungsfragen"


def test_the_theme_a_body_dealt_with_follows_befasst_sich_mit(facts_of):
    got = topics(facts_of, "Der Umweltausschuss befasste sich im Jahr 2021 mit der Begrünung von Schulhöfen. "
                           "Danach wurde abgestimmt.")
    assert got == {("Umweltausschuss", "Begrünung von Schulhöfen", 2021)}


def test_a_focus_without_a_body_in_its_sentence_belongs_to_the_body_the_paragraph_named(facts_of):
    text = ("Die Arbeitsgruppe Schulweg hat sich zweimal getroffen. Ein Schwerpunkt lag auf der Querungshilfe "
            "und der Beleuchtung, da dort Unfälle geschahen.")
    assert topics(facts_of, text) == {("Arbeitsgruppe Schulweg", "Querungshilfe", None),
                                      ("Arbeitsgruppe Schulweg", "Beleuchtung", None)}


def test_a_plural_theme_cue_splits_its_enumeration_a_singular_one_does_not(facts_of):
    text = ("Der Jugendbeirat erarbeitet Vorschläge zu den Themen Freizeit, Sport und Mobilität. "
            "Das Thema Armut und Teilhabe soll der Jugendbeirat in der nächsten Sitzung besprechen.")
    assert topics(facts_of, text) == {("Jugendbeirat", "Freizeit", None), ("Jugendbeirat", "Sport", None),
                                      ("Jugendbeirat", "Mobilität", None),
                                      ("Jugendbeirat", "Armut und Teilhabe", None)}


def test_what_a_body_stands_up_for_is_its_theme_but_interests_and_years_are_not(facts_of):
    text = ("Der Seniorenbeirat setzt sich für den Erhalt der Buslinie 5 ein. Er setzt sich für die Interessen "
            "der Älteren ein. Der Schwerpunkt des Seniorenbeirates in den kommenden Jahren ist offen.")
    assert topics(facts_of, text) == {("Seniorenbeirat", "Erhalt der Buslinie 5", None)}


def test_a_member_asking_about_a_theme_and_an_event_s_theme_are_no_themes_of_the_body(facts_of):
    text = ("Der Präventionsrat tagte. Frau Kurz fragt, welche Projekte zum Thema Sucht geplant seien. "
            "Der Präventionsrat lud zu einer Veranstaltung zum Thema Zivilcourage ein.")
    assert topics(facts_of, text) == set()


def test_the_year_a_theme_runs_until_is_not_the_year_it_was_dealt_with(facts_of):
    text = "Der Klimabeirat widmet sich der Klimaneutralität bis 2040."
    assert topics(facts_of, text) == {("Klimabeirat", "Klimaneutralität bis 2040", None)}


def test_items_after_a_sentence_of_participation_are_the_body_s_themes(facts_of):
    text = ("§ 2 Aufgaben\n\nDer Behindertenbeirat wirkt insbesondere mit bei:\n"
            "- der Planung von Maßnahmen für Menschen mit Behinderung in den Bereichen Arbeit und Wohnen,\n"
            "- Fragen der barrierefreien Mobilität (Busse, Bahnen),\n"
            "- der Öffentlichkeitsarbeit, insbesondere Broschüren.\n")
    assert topics(facts_of, text) == {("Behindertenbeirat", "Arbeit und Wohnen", None),
                                      ("Behindertenbeirat", "Barrierefreien Mobilität", None),
                                      ("Behindertenbeirat", "Öffentlichkeitsarbeit", None)}


def test_numbered_items_that_continue_the_sentence_above_are_themes_of_the_body_it_names(facts_of):
    text = ("Der Kulturbeirat berät den Gemeinderat. Seine Tätigkeit erstreckt sich insbesondere auf\n"
            "1. die Förderung der Musikschule,\n2. die Pflege des Stadtarchivs.\n")
    assert topics(facts_of, text) == {("Kulturbeirat", "Förderung der Musikschule", None),
                                      ("Kulturbeirat", "Pflege des Stadtarchivs", None)}


def test_a_list_of_tasks_names_themes_only_where_an_item_names_a_field(facts_of):
    text = ("Aufgaben des Jugendbeirates sind insbesondere:\n- Ansprechpartner für Jugendliche zu sein,\n"
            "- Beratung in allen Fragen der Jugendkultur,\n- Einladung von Gästen.\n")
    assert topics(facts_of, text) == {("Jugendbeirat", "Jugendkultur", None)}


def test_a_decision_of_joined_bodies_is_a_theme_of_each(facts_of):
    text = ("Über die Änderung der Geschäftsordnung des Naturschutzbeirates beraten am 4. Mai 2023 der "
            "Umweltausschuss sowie der Stadtrat.")
    assert topics(facts_of, text) == {
        ("Umweltausschuss", "Änderung der Geschäftsordnung des Naturschutzbeirates", 2023),
        ("Stadtrat", "Änderung der Geschäftsordnung des Naturschutzbeirates", 2023)}


def test_a_statute_decided_as_the_following_one_is_a_theme_of_the_council(facts_of):
    text = ("Aufgrund der Gemeindeordnung hat der Gemeinderat der Gemeinde Talheim in der Sitzung am 3.5.2019 "
            "folgende Satzung des Seniorenbeirates der Gemeinde Talheim beschlossen:")
    assert topics(facts_of, text) == {("Gemeinderat", "Satzung des Seniorenbeirates", 2019)}


def test_themes_named_after_were_or_a_colon_are_enumerated(facts_of):
    text = ("Der Arbeitskreis Radverkehr tagte dreimal. Schwerpunkte waren die Fahrradstraße, Abstellanlagen "
            "und Schulwege.")
    assert topics(facts_of, text) == {("Arbeitskreis Radverkehr", "Fahrradstraße", None),
                                      ("Arbeitskreis Radverkehr", "Abstellanlagen", None),
                                      ("Arbeitskreis Radverkehr", "Schulwege", None)}


def test_a_working_group_counts_the_focus_topics_its_prose_names_where_no_list_gives_them(facts_of):
    text = ("Die Arbeitsgruppe Sauberkeit ist ein Gremium des Präventionsrates. Ein Schwerpunkt der Arbeitsgruppe "
            "Sauberkeit lag auf der Müllvermeidung und der Pflege der Grünanlagen.")
    wg = facts_of(text)["working_group"]
    assert [(f.subject, f.number) for f in wg] == [("Arbeitsgruppe Sauberkeit", 2.0)]


def test_a_consultation_on_a_theme_belongs_to_the_committee_not_to_the_council_it_belongs_to(facts_of):
    text = ("Am 4. Mai 2022 fand in der Sitzung des Ausschusses für Schule und Sport der Gemeindevertretung "
            "erstmals eine Beratung zu Schulwegen statt.")
    assert topics(facts_of, text) == {("Ausschuss für Schule und Sport", "Schulwegen", 2022)}


def test_goals_named_after_unter_anderem_are_enumerated(facts_of):
    text = ("Der Jugendbeirat hat sich getroffen. Es wurden Ziele festgelegt, u. a. die Sanierung des Bolzplatzes "
            "sowie ein Jugendtreff am Bahnhof.")
    assert topics(facts_of, text) == {("Jugendbeirat", "Sanierung des Bolzplatzes", None),
                                      ("Jugendbeirat", "Jugendtreff am Bahnhof", None)}


def test_a_decision_in_the_passive_belongs_to_the_council_that_decided_before_not_to_the_body_it_sets_up(facts_of):
    text = ("Die Gemeindevertretung vom 03.03.2020 hat den Klimaschutz zum Ziel erklärt (bestätigt durch Beschluss "
            "der Gemeindevertretung vom 01.02.2024). Weiterhin wurden die Erstellung eines Radverkehrskonzepts und "
            "die Einrichtung eines Mobilitätsbeirates beschlossen.")
    got = {t for t in topics(facts_of, text) if t[1].startswith(("Erstellung", "Einrichtung"))}
    assert got == {("Gemeindevertretung", "Erstellung eines Radverkehrskonzepts", 2020),
                   ("Gemeindevertretung", "Einrichtung eines Mobilitätsbeirates", 2020)}


def test_a_paper_s_subject_is_a_topic_of_each_body_that_consults_it_in_the_year_of_its_session(facts_of):
    text = ("Beschlussvorlage 0815/2023\n- Betreff:\n-\nLärmaktionsplan der Stadt, dritte Stufe\n"
            "Beratungsfolge\n| Gremium | Rolle | Datum |\n| Umweltausschuss | Vorberatung | 14.11.2023 |\n"
            "| Stadtrat | Entscheidung | 18.01.2024 |\n\nSachverhalt\nDer Plan liegt aus.\n")
    got = {t for t in topics(facts_of, text) if t[1].startswith("Lärm")}
    assert got == {("Umweltausschuss", "Lärmaktionsplan der Stadt, dritte Stufe", 2023),
                   ("Stadtrat", "Lärmaktionsplan der Stadt, dritte Stufe", 2024)}


def test_the_fields_a_focus_names_are_its_themes_and_und_stays_inside_an_item_where_sowie_joins_the_last(facts_of):
    text = ("Der Kriminalpräventive Rat tagt zweimal im Jahr. Der Fokus lag bisher auf der Vorbeugung in den "
            "Bereichen Lärm und Ruhestörung, Vandalismus sowie Schulwegsicherheit.")
    assert topics(facts_of, text) == {("Kriminalpräventiver Rat", "Lärm und Ruhestörung", None),
                                      ("Kriminalpräventiver Rat", "Vandalismus", None),
                                      ("Kriminalpräventiver Rat", "Schulwegsicherheit", None)}


def test_a_quoted_theme_after_das_thema_is_the_theme(facts_of):
    text = 'Der Jugendhilfeausschuss will sich im Herbst mit dem Thema "offene Ganztagsschule" befassen.'
    assert topics(facts_of, text) == {("Jugendhilfeausschuss", "Offene Ganztagsschule", None)}


def test_what_a_body_relies_on_is_its_theme_and_a_field_s_head_is_dropped(facts_of):
    text = ("Der Seniorenbeirat setzt auf eine bessere Beratung im Rathaus. "
            "Die Satzung legt den Fokus des Seniorenbeirates auf den Bereich der Mobilität.")
    assert topics(facts_of, text) == {("Seniorenbeirat", "Bessere Beratung im Rathaus", None),
                                      ("Seniorenbeirat", "Mobilität", None)}


def test_the_implementation_of_a_plan_a_body_accompanies_is_its_theme_without_the_town_or_the_plan_s_year(facts_of):
    text = ("Der Mobilitätsbeirat berät den Stadtrat. Der Beirat begleitet die Umsetzung des Radverkehrsplans 2030 "
            "der Stadt Talheim.")
    assert topics(facts_of, text) == {("Mobilitätsbeirat", "Umsetzung des Radverkehrsplans 2030", None)}


def test_a_relative_clause_about_other_groups_names_no_theme_of_the_body(facts_of):
    text = ("Der Jugendbeirat möchte die Vereine, die sich mit Jugendarbeit befassen, besser kennenlernen. "
            "Der Sportausschuss, der sich mit Hallenzeiten befasst, tagt im Mai.")
    assert topics(facts_of, text) == {("Sportausschuss", "Hallenzeiten", None)}


def test_what_stands_on_the_agenda_and_the_examples_of_motions_are_themes(facts_of):
    text = ("Der Integrationsrat tagt am Montag. Auf der Tagesordnung stehen die Sprachkurse sowie das Sommerfest. "
            "Zudem gibt es Anträge, so zum Beispiel zum Dolmetscherpool und zur Beratungsstelle.")
    assert topics(facts_of, text) == {("Integrationsrat", "Sprachkurse", None),
                                      ("Integrationsrat", "Sommerfest", None),
                                      ("Integrationsrat", "Dolmetscherpool", None),
                                      ("Integrationsrat", "Beratungsstelle", None)}


def test_a_theme_named_after_thema_sei_and_a_theme_running_over_a_hyphenated_comma(facts_of):
    text = ("Der Seniorenbeirat hat getagt. Ein weiteres Thema sei „Wohnen im Quartier“. Die Anträge befassen sich "
            "mit der Teilnahme am Ausschuss für Bau-, Verkehrs- und Umweltfragen.")
    assert topics(facts_of, text) == {("Seniorenbeirat", "Wohnen im Quartier", None),
                                      ("Seniorenbeirat", "Teilnahme am Ausschuss für Bau-, Verkehrs- und Umweltfragen",
                                       None)}


def test_the_themes_of_a_workshop_or_a_flyer_are_not_themes_of_the_body(facts_of):
    text = ("Der Präventionsrat lud zu einer Fachtagung ein. Themen der Workshops waren u. a. Sauberkeit und "
            "Lärm. Die AG Innenstadt erstellte einen Informationsflyer zum Thema Taschendiebstahl.")
    assert topics(facts_of, text) == set()


def test_quoted_themes_keep_their_und_and_lose_the_speaker_in_parentheses(facts_of):
    text = ("Der Präventionsrat nahm seine Arbeit auf. Die Anwesenden teilten sich in zwei Gruppen zu den Themen "
            "„Sicherheit in und um den Park“ (Sprecher Jan Ott) und „Schulweg“ (Sprecherin Ida Noll) ein.")
    got = [(t.subject, t.value) for t in facts_of(text)["topic"]]
    assert got == [("Präventionsrat", "Sicherheit in und um den Park"), ("Präventionsrat", "Schulweg")]
    groups = {(w.subject, w.value) for w in facts_of(text)["working_group"]}
    assert groups == {("Arbeitsgruppe Sicherheit in und um den Park", "Präventionsrat"),
                      ("Arbeitsgruppe Schulweg", "Präventionsrat")}


def test_what_stands_in_the_centre_of_a_session_is_a_theme_without_where_it_stands(facts_of):
    cases = {"Der Umweltbeirat tagte. Dabei stand das Thema Wasser im Vordergrund.": ["Wasser"],
             "Beim Treffen des Seniorenbeirats stand im Mittelpunkt die Frage der Barrierefreiheit.":
                 ["Barrierefreiheit"],
             "Im Mittelpunkt der Sitzung des Jugendrates standen die Skateanlage und der Jugendtreff.":
                 ["Skateanlage", "Jugendtreff"],
             "Auf der Tagesordnung des Jugendbeirats stehen der Haushalt 2024 sowie Berichte aus den Arbeitsgruppen.":
                 ["Haushalt 2024", "Berichte aus den Arbeitsgruppen"]}
    for text, themes in cases.items():
        assert [t.value for t in facts_of(text)["topic"]] == themes, text


def test_the_statute_a_body_enacts_in_a_preamble_is_its_topic_in_the_year_of_the_session(facts_of):
    own = ("Geschäftsordnung für den Seniorenbeirat der Stadt Talheim\n\nAufgrund des § 27 der Gemeindeordnung hat "
           "der Seniorenbeirat der Stadt Talheim in seiner Sitzung am 03.02.2021 folgende Geschäftsordnung "
           "beschlossen:\n\n§ 1 Sitzungen\n")
    assert [(t.subject, t.value, t.year) for t in facts_of(own)["topic"]] == [
        ("Seniorenbeirat", "Geschäftsordnung für den Seniorenbeirat", 2021)]
    amended = ("Aufgrund des § 4 der Gemeindeordnung wird nach Beschlussfassung durch die Gemeindevertretung vom "
               "12.05.2019 folgende 2. Änderungssatzung zur Satzung über den Jugendbeirat in der Gemeinde Talheim "
               "erlassen:\n")
    assert [(t.subject, t.value, t.year) for t in facts_of(amended)["topic"]] == [
        ("Gemeindevertretung", "2. Änderungssatzung zur Satzung über den Jugendbeirat", 2019)]


def test_examples_a_year_and_the_town_are_no_part_of_a_theme(facts_of):
    cases = {"Der Integrationsrat tagt öffentlich. Themen sind zum Beispiel Sprache, Arbeit und Wohnen.":
                 [("Sprache", None), ("Arbeit", None), ("Wohnen", None)],
             "Der Jugendbeirat widmete sich im Jahr 2019 vor allem der Planung des Jugendzentrums.":
                 [("Planung des Jugendzentrums", 2019)],
             "Der Seniorenbeirat befasste sich mit dem Thema Wohnen im Alter in der Stadt Talheim.":
                 [("Wohnen im Alter", None)],
             "Der Seniorenbeirat tagte. Außerdem wurde über die Kosten des Umbaus beraten.":
                 [("Kosten des Umbaus", None)]}
    for text, themes in cases.items():
        assert [(t.value, t.year) for t in facts_of(text)["topic"]] == themes, text


def test_a_body_a_council_has_decided_to_set_up_is_a_topic_of_that_council(facts_of):
    text = "Der Gemeinderat hat in seiner Sitzung vom 14.03.2019 beschlossen, einen Seniorenbeirat einzurichten."
    assert [(t.subject, t.value, t.year) for t in facts_of(text)["topic"]] == [
        ("Gemeinderat", "Einrichtung eines Seniorenbeirates", 2019)]


def test_a_theme_before_a_final_verb_or_in_front_of_the_sentence_is_the_theme(facts_of):
    cases = {"Der Jugendrat tagte. Künftig will man sich verstärkt um die Sauberkeit der Spielplätze kümmern.":
                 [("Jugendrat", "Sauberkeit der Spielplätze")],
             "Mit dem Radverkehrskonzept befasste sich der Umweltausschuss im Mai.":
                 [("Umweltausschuss", "Radverkehrskonzept")]}
    for text, themes in cases.items():
        assert [(t.subject, t.value) for t in facts_of(text)["topic"]] == themes, text


def test_what_a_body_approves_is_its_topic_with_quoted_names_and_numbers_whole(facts_of):
    cases = {"Abschließend bewilligte der Jugendbeirat zwei weitere Projekte im Programm „Jugend aktiv“, das bis 2024 "
             "läuft.": [("Jugendbeirat", "Projekte im Programm „Jugend aktiv“", None)],
             "Der Bauausschuss verabschiedete am 03.05.2022 den Bebauungsplan Nr. 12.":
                 [("Bauausschuss", "Bebauungsplan Nr. 12", 2022)],
             "Die Niederschrift wird einstimmig genehmigt.": []}
    for text, themes in cases.items():
        assert [(t.subject, t.value, t.year) for t in facts_of(text).get("topic", [])] == themes, text


def test_the_matter_of_a_motion_is_a_topic_of_the_body_it_goes_to(facts_of):
    by_words = "Antrag gemäß Geschäftsordnung des Rates zur Bildung eines Jugendbeirates\n\nDie Fraktion beantragt das."
    assert [(t.subject, t.value) for t in facts_of(by_words)["topic"]] == [("Rat", "Bildung eines Jugendbeirates")]
    by_title = ("Neubau einer Skateanlage\nFür den Ausschuss für Jugend und Sport am 3. Mai 2021 hat die FDP-Fraktion "
                "folgenden Antrag zur Beratung vorgelegt.\n")
    assert [(t.subject, t.value, t.year) for t in facts_of(by_title)["topic"]] == [
        ("Ausschuss für Jugend und Sport", "Neubau einer Skateanlage", 2021)]


def test_each_clause_gives_its_theme_to_its_own_body_and_a_year_in_a_name_is_no_session_year(facts_of):
    text = ("Nachdem der Jugendrat über die Skateanlage beraten hatte, befasste sich der Gemeinderat mit dem "
            "Haushalt 2023.")
    got = [(t.subject, t.value, t.year) for t in facts_of(text)["topic"]]
    assert got == [("Jugendrat", "Skateanlage", None), ("Gemeinderat", "Haushalt 2023", None)]
