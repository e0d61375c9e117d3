"""Persons named with their office in running text (sentences written for these tests, in the manner of minutes)."""


def persons(facts_of, text: str) -> set[tuple[str, str | None]]:
    return {(p.subject, p.value) for p in facts_of(text).get("person", [])}


def test_an_office_with_its_article_before_a_comma_belongs_to_the_person_after_it(facts_of):
    text = ("Um 19 Uhr eröffnet der Bürgermeister, Herr Jonas Beispiel, die Sitzung. Den Vorsitz führte die "
            "Bürgermeisterin der Gemeinde, Frau Clara Muster-Probe. Der Vorsitzende, Kreistagsabgeordneter "
            "Dr. Anton Quell, stellte die Beschlussfähigkeit fest.")
    assert persons(facts_of, text) == {
        ("Jonas Beispiel", "Bürgermeister"), ("Clara Muster-Probe", "Bürgermeisterin"),
        ("Dr. Anton Quell", "Vorsitzender"), ("Dr. Anton Quell", "Kreistagsabgeordneter")}


def test_a_second_role_after_als_but_not_the_role_of_the_next_name(facts_of):
    text = ("Anwesend:\nBürgermeister Jonas Beispiel als Vorsitzender\n\n"
            "Er begrüßt Frau Probe als Schriftführerin und die Presse. "
            "Als Sprecherin wurde Anna Muster, als Vertreter Paul Quell gewählt.")
    got = persons(facts_of, text)
    assert {("Jonas Beispiel", "Bürgermeister"), ("Jonas Beispiel", "Vorsitzender"), ("Probe", "Schriftführerin"),
            ("Anna Muster", "Sprecherin"), ("Paul Quell", "Vertreter")} <= got
    assert ("Anna Muster", "Vertreter") not in got


def test_a_plural_office_before_several_names_is_each_ones_but_a_singular_one_is_not(facts_of):
    text = ("Von den 18 Gemeinderäten sind 16 anwesend (Gemeinderäte Doris Beispiel, Dr. Sigmund Musterer ab TOP 4). "
            "Ortsvorsteher Stefan Probe und Karin Quell fehlen entschuldigt. Den Verein stellten Bürgermeister "
            "Detlef Anders und Dr. Henning Berger vor.")
    got = persons(facts_of, text)
    assert {("Doris Beispiel", "Gemeinderätin"), ("Dr. Sigmund Musterer", "Gemeinderat"),
            ("Stefan Probe", "Ortsvorsteher"), ("Karin Quell", "Ortsvorsteherin"),
            ("Detlef Anders", "Bürgermeister")} <= got
    assert ("Dr. Henning Berger", "Bürgermeister") not in got


def test_abbreviated_offices_are_written_out(facts_of):
    text = ("Anwesend sind:\n2. stellv. Bürgermeisterin Silke Beispiel\nStv. Ortsvorsteher Jonas Muster\n\n"
            "GR Probe verweist auf die Vorlage.")
    assert persons(facts_of, text) == {
        ("Silke Beispiel", "2. stellvertretende Bürgermeisterin"), ("Jonas Muster", "stellvertretender Ortsvorsteher"),
        ("Probe", "Gemeinderat")}


def test_two_roles_written_with_a_slash_are_two_roles(facts_of):
    text = "Weiterhin sind anwesend:\nVerwaltung/Protokollführer Jonas Beispiel\n\nTagesordnung\n1. Eröffnung"
    assert persons(facts_of, text) == {("Jonas Beispiel", "Verwaltung"), ("Jonas Beispiel", "Protokollführer")}


def test_offices_greetings_and_departments_are_no_names(facts_of):
    text = ("Sehr geehrter Herr Oberbürgermeister,\n\nbegrüßt werden Herrn Muster, Sachbearbeiter Feuerwehrwesen der "
            "Verwaltung, und Herr Quell von der Presse. Der Bürgermeister von Musterstadt sagt zu.")
    assert persons(facts_of, text) == {("Muster", "Sachbearbeiter"), ("Quell", None)}


def test_a_name_cut_off_at_the_end_of_an_excerpt_is_left_out(facts_of):
    text = "Dem Rat gehören an:\na) 1 Vertreter der Schulen\nb) 1 Vertreter der Vereine (Vorsitzender Beisp"
    assert persons(facts_of, text) == set()


def test_an_office_in_brackets_after_the_name(facts_of):
    text = ("Frau Beispiel (Vorsitzende des Jugendhilfeausschusses) berichtet über den Preis. Herr Muster "
            "(stellvertretender Vorsitzender) ehrt das Projekt. Frau Probe (Elternvertretung) fragt nach.")
    assert persons(facts_of, text) == {("Beispiel", "Vorsitzende"), ("Muster", "stellvertretender Vorsitzender"),
                                       ("Probe", None)}


def test_an_office_after_a_possessive_and_an_abbreviated_office_after_the_comma(facts_of):
    text = ("Die Vorsitzende übergibt den Vorsitz an ihren 1. Stellvertreter, GR Muster, und folgt der Beratung. "
            "Die Vorsitzende, Die Grünen vertretend, stimmt zu.")
    assert persons(facts_of, text) == {("Muster", "1. Stellvertreter"), ("Muster", "Gemeinderat")}


def test_surnames_after_a_plural_office_and_one_office_written_two_ways(facts_of):
    text = ("Der Altersvorsitzende Beispiel eröffnet die Sitzung. Altersvorsitzender Beispiel stellt fest, dass die "
            "ausgeschiedenen Ratsmitglieder Muster, Probe und Quell nicht anwesend sind.")
    assert persons(facts_of, text) == {("Beispiel", "Altersvorsitzende"), ("Muster", "Ratsmitglied"),
                                       ("Probe", "Ratsmitglied"), ("Quell", "Ratsmitglied")}


def test_short_forms_of_address_and_of_offices(facts_of):
    text = ("Fr. Beispiel und Hr. Muster stellten das Projekt vor. Beig. Probe erläutert den Entwurf, "
            "RM Quell fragt nach.")
    assert persons(facts_of, text) == {("Beispiel", None), ("Muster", None), ("Probe", "Beigeordneter"),
                                       ("Quell", "Ratsmitglied")}


def test_an_abbreviated_office_before_a_womans_name_is_written_in_the_feminine(facts_of):
    text = "BM Anna Beispiel eröffnet die Sitzung. GR Jonas Muster und GR Clara Probe fragen nach."
    assert persons(facts_of, text) == {("Anna Beispiel", "Bürgermeisterin"), ("Jonas Muster", "Gemeinderat"),
                                       ("Clara Probe", "Gemeinderätin")}


def test_the_office_then_its_holder_after_ist_or_wurde(facts_of):
    text = ("Vorsitzende des Jugendbeirates ist Marie Beispiel. Zweiter stellvertretender Vorsitzender wurde Jonas "
            "Muster, seine Stellvertreterin bleibt Karin Probe. Der Bürgermeister wird Quellen prüfen lassen.")
    assert persons(facts_of, text) == {
        ("Marie Beispiel", "Vorsitzende"), ("Jonas Muster", "Zweiter stellvertretender Vorsitzender"),
        ("Karin Probe", "Stellvertreterin")}


def test_members_named_after_a_colon_and_offices_taken_over_in_a_sentence(facts_of):
    text = ("Im Mai wurden die drei Mitglieder des Vorstands vom Rat bestätigt: Petra Beispiel, Uwe Muster und "
            "Sabine Probe. Neu ist Uwe Muster als Kassenwart. Sabine Probe hat das Amt der Schriftführerin "
            "übernommen. Da keine Protokollantin anwesend war, übernimmt der Ortsvorsteher Herr Quell die "
            "Protokollführung.")
    got = persons(facts_of, text)
    assert {("Petra Beispiel", "Mitglied"), ("Uwe Muster", "Mitglied"), ("Uwe Muster", "Kassenwart"),
            ("Sabine Probe", "Schriftführerin"), ("Quell", "Protokollführer")} <= got


def test_a_full_name_with_a_party_in_brackets_is_a_person_but_a_noun_with_an_abbreviation_is_not(facts_of):
    text = ("Zu Beginn merkte Heinz Beispiel (CDU) an, dass der Bericht fehle. Die Freiwillige Feuerwehr (FFW) "
            "und Neue Mitte (Bündnis) legen Zahlen vor.")
    assert persons(facts_of, text) == {("Heinz Beispiel", None)}


def test_a_woman_named_after_an_office_in_the_plural_holds_it_in_the_feminine(facts_of):
    text = "Es fehlten die Stadträte Jonas Muster, Karin Probe und Uwe Quell."
    got = persons(facts_of, text)
    assert ("Karin Probe", "Stadträtin") in got and ("Uwe Quell", "Stadtrat") in got


def test_an_abbreviated_office_of_two_words_is_written_out_in_the_holders_gender(facts_of):
    text = "Weiterhin sind anwesend:\nLVB Jonas Beispiel\nLVB Karin Muster\n\nTagesordnung"
    assert persons(facts_of, text) == {("Jonas Beispiel", "Leitender Verwaltungsbeamter"),
                                       ("Karin Muster", "Leitende Verwaltungsbeamtin")}


def test_surnames_after_a_plural_office_may_carry_initials_and_a_treasurer_is_an_office(facts_of):
    text = ("Es fehlen entschuldigt die Ratsmitglieder Anders, H.-J. Muster und Probe. Stadtkämmerer Uwe Fink "
            "erläutert den Haushalt.")
    assert persons(facts_of, text) == {("Anders", "Ratsmitglied"), ("H.-J. Muster", "Ratsmitglied"),
                                       ("Probe", "Ratsmitglied"), ("Uwe Fink", "Stadtkämmerer")}


def test_bodies_of_places_parties_and_offices_addressed_without_a_name_are_no_persons(facts_of):
    text = ("Herr Präsident, meine Damen und Herren! Der Gemeinderat Musterdorf hat beschlossen, dass der "
            "Ortschaftsrat Unterbach gehört wird. Die Sprecherin Gruppe Nord und der Landrat Kreis Musterland "
            "stimmen zu. Es fragte der Stadtrat Probe (SPD), ob Gemeinderat Jonas Muster zustimme.")
    assert persons(facts_of, text) == {("Probe", "Stadtrat"), ("Jonas Muster", "Gemeinderat")}


def test_elections_told_in_a_report_and_an_office_after_a_full_name_and_a_comma(facts_of):
    text = ("Jonas Muster wurde per Handzeichen einstimmig zum Sprecher gewählt. Zur Schriftführerin wurde danach "
            "Karin Probe (17) gewählt. Er wird von Uwe Quell als stellvertretender Sprecher unterstützt. Petra "
            "Anders, Leiterin der Fachgruppe Jugend, erklärte die Wahl; Paul Berger, Bürgermeister Timo Lorenz und "
            "weitere Gäste hörten zu.")
    got = persons(facts_of, text)
    assert {("Jonas Muster", "Sprecher"), ("Karin Probe", "Schriftführerin"),
            ("Uwe Quell", "stellvertretender Sprecher"), ("Petra Anders", "Leiterin"),
            ("Timo Lorenz", "Bürgermeister")} <= got
    assert ("Paul Berger", "Bürgermeister") not in got


def test_headings_inside_a_flattened_line_give_their_names_the_office(facts_of):
    text = ("Protokoll der 7. Sitzung der Gemeindevertretung, Rathaus Anwesend: Bürgermeister Gerold Anwander als "
            "Vorsitzender Die Gemeinderäte: Ing. Jonas Achterberg Merle Quandt Die GemeindevertreterInnen: Ilka "
            "Dornseif Hans Peter Falkenhagen Mag. Theo Brinkhaus Zahl der Anwesenden: 6 Schriftführer: Ruben Kestner "
            "1 TAGESORDNUNG")
    got = persons(facts_of, text)
    assert {("Gerold Anwander", "Bürgermeister"), ("Gerold Anwander", "Vorsitzender"),
            ("Jonas Achterberg", "Gemeinderat"), ("Merle Quandt", "Gemeinderätin"),
            ("Ilka Dornseif", "Gemeindevertreterin"), ("Hans Peter Falkenhagen", "Gemeindevertreter"),
            ("Theo Brinkhaus", "Gemeindevertreter"), ("Ruben Kestner", "Schriftführer")} <= got
    assert not {name for name, _role in got if name.startswith(("Die", "Gemeinderäte", "Zahl"))}


def test_a_flattened_heading_gives_no_office_to_words_that_are_no_names(facts_of):
    text = "Mitglieder: Bericht des Vorsitzenden Jahresplanung und Haushalt Gäste: keine"
    assert persons(facts_of, text) == set()


def test_ditto_marks_in_a_table_repeat_the_office_of_the_row_above(facts_of):
    text = ("Anwesend waren:\n\n1.)      Bürgermeister        Gerold Anwander\n\n"
            "2.)      Gemeinderat          Ing. Jonas Achterberg\n\n"
            "3.)          \"                     Merle Quandt\n\n"
            "4.)          \"                     Ruben Falkenhagen (ab Punkt 3)\n\n"
            "5.)      Schriftführer        Theo Brinkhaus\n")
    got = persons(facts_of, text)
    assert {("Gerold Anwander", "Bürgermeister"), ("Jonas Achterberg", "Gemeinderat"),
            ("Ruben Falkenhagen", "Gemeinderat"), ("Theo Brinkhaus", "Schriftführer")} <= got
    assert ("Merle Quandt", "Gemeinderat") in got or ("Merle Quandt", "Gemeinderätin") in got
    assert ("Merle Quandt", "Bürgermeister") not in got


def test_the_family_of_office_abbreviations_and_endings_is_read(facts_of):
    text = ("AL Gerold Anwander erläutert den Zeitplan. FDL Jonas Achterberg ergänzt, KRin Merle Quandt fragt nach. "
            "Die Quartierskoordinatorin Ilka Dornseif und Feuerwehrkommandant Ruben Falkenhagen berichten. "
            "Leitender Kreisbaudirektor Theo Brinkhaus nimmt als Gast teil.")
    got = persons(facts_of, text)
    assert {("Gerold Anwander", "Amtsleiter"), ("Jonas Achterberg", "Fachdienstleiter"),
            ("Merle Quandt", "Kreisrätin"), ("Ilka Dornseif", "Quartierskoordinatorin"),
            ("Ruben Falkenhagen", "Feuerwehrkommandant"), ("Theo Brinkhaus", "Leitender Kreisbaudirektor")} <= got


def test_who_chairs_is_read_from_the_act_of_chairing(facts_of):
    text = ("Die Sitzung fand unter dem Vorsitz von Ortsvorsteherin Merle Quandt statt. Im Bauausschuss führte "
            "Gerold Anwander den Vorsitz. Den Vorsitz übernahm danach Bürgermeister Jonas Achterberg. Unter Vorsitz "
            "von Frau Dornseif wurde weiter beraten. Die Gruppe Nord hatte den Vorsitz zuvor abgegeben.")
    got = persons(facts_of, text)
    assert {("Merle Quandt", "Ortsvorsteherin"), ("Merle Quandt", "Vorsitzende"), ("Gerold Anwander", "Vorsitzender"),
            ("Jonas Achterberg", "Bürgermeister"), ("Jonas Achterberg", "Vorsitzender"),
            ("Dornseif", "Vorsitzende")} <= got
    assert not {name for name, _role in got if "Gruppe" in name or "Nord" in name}


def test_an_office_after_the_comma_belongs_to_the_name_before_where_the_person_comes_from(facts_of):
    text = ("Gewählt wurden: Jonas Achterberg von der Nord-Gesamtschule (dritter von links), Vorsitzender; "
            "Merle Quandt (SPD), stellvertretende Vorsitzende. Ilka Dornseif vom Stadtarchiv, Leiterin des Archivs, "
            "berichtete. Der Bericht von der Jahrestagung, Anlage 3, liegt vor.")
    got = persons(facts_of, text)
    assert {("Jonas Achterberg", "Vorsitzender"), ("Merle Quandt", "stellvertretende Vorsitzende"),
            ("Ilka Dornseif", "Leiterin")} <= got
    assert not {name for name, _role in got if "Jahrestagung" in name or "Bericht" in name}


def test_a_list_flattened_onto_one_line_does_not_glue_headings_or_other_surnames_to_a_name(facts_of):
    text = ("Teilnehmende: CDU: Stadträtin Quandt Sachkundige Einwohner: Frau Herr Frau Herr Achterberg Anwander "
            "Dornseif Falkenhagen Protokollführung: Herr Brinkhaus Zuhörende: 4")
    got = persons(facts_of, text)
    assert ("Quandt", "Stadträtin") in got
    assert not {name for name, _role in got if len(name.split()) > 1}
    assert ("Brinkhaus", "Protokollführung") in got


def test_a_plural_form_of_address_names_each_surname_with_the_office_they_attend_as(facts_of):
    text = ("Die Herren Achterberg und Anwander sind als beratende Mitglieder, die Damen Quandt, Dornseif und "
            "Falkenhagen als Gäste anwesend. Meine Damen und Herren, ich eröffne die Sitzung.")
    assert persons(facts_of, text) == {
        ("Achterberg", "Beratendes Mitglied"), ("Anwander", "Beratendes Mitglied"), ("Quandt", "Gast"),
        ("Dornseif", "Gast"), ("Falkenhagen", "Gast")}


def test_an_office_broken_after_its_hyphen_is_read_and_written_whole(facts_of):
    text = "GV Anwander fragt an. Ausschuss-vorsitzender Achterberg beantwortet die Frage. Das Nord-ost Gebiet folgt."
    got = persons(facts_of, text)
    assert {("Anwander", "Gemeindevertreter"), ("Achterberg", "Ausschussvorsitzender")} <= got
    assert not {name for name, _role in got if "Gebiet" in name}


def test_first_names_beyond_the_common_ones_still_make_a_person(facts_of):
    """Ortrud, Gunhild and Reinhild are not among the most common names; the registry list holds them."""
    text = ("Die Vorsitzende, Ortrud Beispiel, eröffnete die Sitzung. "
            "Anwesende Mitglieder: Gunhild Musterer Reinhild Probe Entschuldigt fehlt: Anton Quell")
    assert {("Ortrud Beispiel", "Vorsitzende"), ("Gunhild Musterer", "Mitglied"),
            ("Reinhild Probe", "Mitglied")} <= persons(facts_of, text)


def test_an_office_in_brackets_after_a_first_named_person_without_a_form_of_address(facts_of):
    text = ("Jonas Beispiel (Vorsitzender) eröffnet die Sitzung. Anna Muster (Grüne) fragt nach. "
            "Die Stadt (Amt 61) prüft.")
    assert persons(facts_of, text) == {("Jonas Beispiel", "Vorsitzender"), ("Anna Muster", None)}


def test_an_election_in_the_active_voice_gives_each_name_its_office(facts_of):
    text = ("Der Beirat wählte Herrn Jonas Beispiel zum Vorsitzenden und Frau Anna Muster zu seiner Stellvertreterin. "
            "Der Rat ernannte Herrn Probe zum ersten Stellvertreter, Frau Quell zur zweiten Stellvertreterin. "
            "Der Ausschuss wählte die Variante zur Prüfung.")
    assert persons(facts_of, text) == {("Jonas Beispiel", "Vorsitzender"), ("Anna Muster", "Stellvertreterin"),
                                       ("Probe", "erster Stellvertreter"), ("Quell", "zweite Stellvertreterin")}


def test_the_full_stop_after_the_last_name_of_a_heading_is_not_part_of_it(facts_of):
    text = "Die Sitzung begann pünktlich. Protokollführerin: Anna Muster. Beginn: 18:00 Uhr"
    assert persons(facts_of, text) == {("Anna Muster", "Protokollführerin")}


def test_an_office_among_the_parts_of_the_brackets_after_an_addressed_name(facts_of):
    text = ("Anwesend ist Herr Beispiel (Klimaschutz und Schriftführer). Frau Quell (Amt 61 / Sachbearbeiterin) "
            "berichtet. Herr Probe (SPD) fragt nach, Frau Anders (Musterstadt, Nord) antwortet.")
    assert persons(facts_of, text) == {("Beispiel", "Schriftführer"), ("Quell", "Sachbearbeiterin"),
                                       ("Probe", None), ("Anders", None)}


def test_an_election_to_the_deputy_chair_keeps_the_deputy_and_every_word_agrees_with_the_person(facts_of):
    text = ("Zur stellvertretenden Vorsitzenden wurde Clara Probe gewählt. Stellvertretende Vorsitzende ist außerdem "
            "Jonas Muster. Der Beirat wählte Frau Anna Beispiel zur stellvertretenden Vorsitzenden.")
    got = persons(facts_of, text)
    assert {("Clara Probe", "stellvertretende Vorsitzende"), ("Anna Beispiel", "stellvertretende Vorsitzende")} <= got
    assert ("Clara Probe", "Vorsitzende") not in got and ("Clara Probe", "Vorsitzender") not in got
