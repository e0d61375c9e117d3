"""Attendance and participant lists of minutes and invitations, and function lines (texts written for these tests)."""


def persons(facts_of, text: str) -> set[tuple[str, str | None]]:
    return {(p.subject, p.value) for p in facts_of(text).get("person", [])}


def test_one_name_a_line_under_role_headings_until_the_list_ends(facts_of):
    text = ("Niederschrift über die 4. Sitzung des Kulturausschusses\n\nAnwesend:\nVorsitz\nGesine Haberland\n"
            "Stimmberechtigte Mitglieder\nJonas Achterberg\nMerle Quandt-Oswald\n\nVerwaltung\nTheo Brinkhaus\n"
            "Schriftführerin\nIlka Dornseif\n\nEntschuldigt fehlen:\nMitglieder\nRuben Falkenhagen\n\n"
            "Tagesordnung\nEröffnung der Sitzung\nBericht über den Museumsumbau\n")
    assert persons(facts_of, text) == {
        ("Gesine Haberland", "Vorsitz"), ("Jonas Achterberg", "Stimmberechtigtes Mitglied"),
        ("Merle Quandt-Oswald", "Stimmberechtigtes Mitglied"), ("Theo Brinkhaus", "Verwaltung"),
        ("Ilka Dornseif", "Schriftführerin"), ("Ruben Falkenhagen", "Mitglied")}


def test_surname_first_titles_and_initials(facts_of):
    text = ("Beiratsmitglieder:\nAchterberg, Jonas\nDr. Merle Quandt\nR. Falkenhagen\nDornseif, Dr. Ilka\n\n"
            "Der Beirat berät über den Haushalt.")
    assert persons(facts_of, text) == {
        ("Jonas Achterberg", "Beiratsmitglied"), ("Dr. Merle Quandt", "Beiratsmitglied"),
        ("R. Falkenhagen", "Beiratsmitglied"), ("Dr. Ilka Dornseif", "Beiratsmitglied")}


def test_parties_in_brackets_and_a_role_of_its_own_beside_the_name(facts_of):
    text = ("Teilnehmende:\n• Gesine Haberland (SPD), Vorsitzende\n• Jonas Achterberg (Bündnis 90/Die Grünen)\n"
            "• Frau Quandt (FDP)\n• Ruben Falkenhagen (stellv. Vorsitzender, Wählergruppe)\n• Brinkhaus\n"
            "  Ortsvorsteher\n\nDie Sitzung beginnt um 18 Uhr.")
    assert persons(facts_of, text) == {
        ("Gesine Haberland", "Vorsitzende"), ("Jonas Achterberg", "Teilnehmer"), ("Quandt", "Teilnehmer"),
        ("Ruben Falkenhagen", "stellvertretender Vorsitzender"), ("Brinkhaus", "Ortsvorsteher")}


def test_names_in_the_rows_of_a_table(facts_of):
    text = ("Anwesenheit\n| Name | Vorname | Funktion | Fraktion |\n|---|---|---|---|\n"
            "| Haberland | Gesine | Vorsitzende | SPD |\n| Achterberg | Jonas | | CDU |\n\n"
            "Vertreter\nQuandt, Merle        FDP        entschuldigt\nBrinkhaus, Theo\tWählergemeinschaft\n")
    assert persons(facts_of, text) == {
        ("Gesine Haberland", "Vorsitzende"), ("Jonas Achterberg", None), ("Merle Quandt", "Vertreter"),
        ("Theo Brinkhaus", "Vertreter")}


def test_several_names_on_the_line_of_the_heading(facts_of):
    text = "Gäste: Gesine Haberland, Jonas Achterberg (Kreisjugendring) und Frau Dr. Quandt\n\nBeginn: 19 Uhr"
    assert persons(facts_of, text) == {("Gesine Haberland", "Gast"), ("Jonas Achterberg", "Gast"),
                                       ("Dr. Quandt", "Gast")}


def test_function_lines_of_a_paper_head(facts_of):
    text = ("Vorlage 12/2025\nFederführend: Amt für Schule Bearbeiter/-in: Achterberg, Jonas - Tel. 4711\n"
            "Verfasserin: Haberland, Gesine\nAnsprechpartner: Herr Brinkhaus, Zimmer 12\n"
            "Berichterstattung: Frau Quandt (Stadtplanungsamt),\nHerr Falkenhagen (Tiefbauamt)\n\n"
            "Sachverhalt\nDer Ausschuss möge beschließen.")
    assert persons(facts_of, text) == {
        ("Jonas Achterberg", "Bearbeiter"), ("Gesine Haberland", "Verfasserin"), ("Brinkhaus", "Ansprechpartner"),
        ("Quandt", "Berichterstattung"), ("Falkenhagen", "Berichterstattung")}


def test_streets_agenda_titles_parties_and_bodies_under_a_heading_are_no_persons(facts_of):
    text = ("Teilnehmer:\nHauptstraße\nAm Lindenhof\nBahnhofstraße 12\n\nMitglieder\nSPD-Fraktion\nDie Grünen\n"
            "Ortsrat Nord\nSeniorenbeirat\n\nVerwaltung:\nHaushaltssatzung 2025\nBericht über die Kita-Planung\n"
            "Neubau der Sporthalle\n\nTeilnehmende:\nPolizeiinspektion Nordheim\nDiakonie Südfeld\n"
            "Jugendfeuerwehr Kleinau\n")
    assert persons(facts_of, text) == set()


def test_a_paragraph_after_the_list_is_no_part_of_it(facts_of):
    text = ("Anwesend:\nGesine Haberland\nJonas Achterberg\n\nDer Ausschuss tagte im Rathaus.\n"
            "Neue Mitte\nAlte Wache\n")
    assert persons(facts_of, text) == {("Gesine Haberland", None), ("Jonas Achterberg", None)}


def test_a_member_and_the_one_who_stands_in(facts_of):
    text = ("Anwesende Mitglieder:\nGesine Haberland (vertreten durch Frau Merle Quandt)\n"
            "Jonas Achterberg in Vertretung für Ruben Falkenhagen\n\n"
            "Vertretung: Theo Brinkhaus wurde durch Ilka Dornseif (beide Wählergruppe) vertreten\n\n"
            "Herr Okke Lamprecht nimmt an der Sitzung in Vertretung von Herrn Pape teil.\n")
    assert persons(facts_of, text) == {
        ("Gesine Haberland", "Mitglied"), ("Merle Quandt", "Vertreterin"), ("Ruben Falkenhagen", "Mitglied"),
        ("Jonas Achterberg", "Vertreter"), ("Theo Brinkhaus", "Mitglied"), ("Ilka Dornseif", "Vertreter"),
        ("Okke Lamprecht", "Vertreter"), ("Pape", "Mitglied")}


def test_headings_in_lower_case_with_an_adjective_or_a_gender_ending(facts_of):
    text = ("von der Verwaltung:\nHerr Brinkhaus Fachbereichsleiter Bau\nFrau Dornseif Bereich Stadtplanung\n\n"
            "Weitere Teilnehmer/innen:\nGesine Haberland, Kreisjugendring\n\nSchriftführer/in\nR. Falkenhagen\n")
    assert persons(facts_of, text) == {
        ("Brinkhaus", "Fachbereichsleiter"), ("Dornseif", "Verwaltung"), ("Gesine Haberland", "Teilnehmer"),
        ("R. Falkenhagen", "Schriftführer")}


def test_a_role_line_before_a_name_gives_that_name_alone_its_role(facts_of):
    text = ("Es waren anwesend:\nOrtsvorsteherin\nGesine Haberland\nOrtschaftsräte\nJonas Achterberg\n"
            "Theo Brinkhaus\nSachbearbeiter\n\nEntschuldigt/Abwesend:\nRuben Falkenhagen\n\n"
            "Protokoll/Schriftführer(in):\nIlka Dornseif\n")
    assert persons(facts_of, text) == {
        ("Gesine Haberland", "Ortsvorsteherin"), ("Jonas Achterberg", "Ortschaftsrat"),
        ("Theo Brinkhaus", "Sachbearbeiter"), ("Ruben Falkenhagen", None), ("Ilka Dornseif", "Protokoll")}


def test_surname_first_with_a_party_and_a_role_with_a_party_after_a_comma(facts_of):
    text = ("Mitglieder (3):\nAchterberg, Jonas SPD\nGesine Haberland, Stadträtin (CDU)\nQuandt, Merle, Sprecherin\n")
    assert persons(facts_of, text) == {("Jonas Achterberg", "Mitglied"), ("Gesine Haberland", "Stadträtin"),
                                       ("Merle Quandt", "Sprecherin")}


def test_a_table_flattened_to_one_cell_a_line_with_lists_and_yes_columns(facts_of):
    text = ("Gemeindevertreter\n\nFraktion\n\nanwesend\n\nentschuldigt\n\nBgm. Anna Beispiel\n\nMusterdorfer Liste\n\n"
            "  ja\n\nJonas Muster\n\nMusterdorfer Liste\n\n  ja\n\nClara Probe\n\nFreie Demokraten\n\n  ja\n\n"
            "Tagesordnung:\n\n1. Eröffnung")
    assert persons(facts_of, text) == {("Anna Beispiel", "Bürgermeisterin"), ("Jonas Muster", "Gemeindevertreter"),
                                       ("Clara Probe", "Gemeindevertreterin")}  # a role of her own before the heading's


def test_degrees_before_list_names_and_parties_of_their_own_line(facts_of):
    text = ("Mitglieder\n\nIng. Jonas Beispiel\n\nMusterdorfer Demokraten\n\nMA Anna Muster\n\n"
            "Bürgerliste Musterdorf\n\n"
            "Dipl.-Ing. Clara Probe\n\nDer Vorsitzende eröffnet die Sitzung.")
    assert persons(facts_of, text) == {("Jonas Beispiel", "Mitglied"), ("Anna Muster", "Mitglied"),
                                       ("Clara Probe", "Mitglied")}


def test_an_office_before_a_colon_heads_a_table_of_surname_first_names(facts_of):
    text = ("| Datum: | 3. März 2025 |\n| Bürgermeister: | |\n| Beispiel, Jonas | |\n| Beigeordnete: | |\n"
            "| Muster, Karin zugleich gewähltes Ratsmitglied | |\n| Probe, Uwe ohne Ratsmandat | |\n"
            "| Ratsmitglieder: | |\n| SPD | |\n| Dr. Quell, Heinz | entschuldigt |\n| Anders, Petra | |\n"
            "| Ortsbürgermeister (o. RM): | |\n| Berger, Stefan, Oberdorf | entschuldigt |\n"
            "| Von der Verwaltung: | |\n| Herr Lorenz (Bauabteilung) | |\nTagesordnung\n| TOP 1 | Haushalt |")
    assert persons(facts_of, text) == {
        ("Jonas Beispiel", "Bürgermeister"), ("Karin Muster", "Beigeordnete"), ("Karin Muster", "Ratsmitglied"),
        ("Uwe Probe", "Beigeordneter"), ("Dr. Heinz Quell", "Ratsmitglied"), ("Petra Anders", "Ratsmitglied"),
        ("Stefan Berger", "Ortsbürgermeister"), ("Lorenz", "Verwaltung")}


def test_a_list_flattened_onto_one_line_keeps_each_name_and_the_label_before_a_run(facts_of):
    text = ("Niederschrift Beginn: 17:00 Uhr Anwesend Bürgermeister Herr Jonas Beispiel SPD Frau Karin Muster "
            "Frau Petra Probe CDU Herr Uwe Quell Verwaltung Herr Paul Anders Frau Dr. Ilse Berger Personalrat "
            "Herr Timo Lorenz Der Bürgermeister eröffnet die Sitzung.")
    assert persons(facts_of, text) == {
        ("Jonas Beispiel", "Bürgermeister"), ("Karin Muster", None), ("Petra Probe", None), ("Uwe Quell", None),
        ("Paul Anders", "Verwaltung"), ("Dr. Ilse Berger", "Verwaltung"), ("Timo Lorenz", None)}


def test_lettered_headings_and_an_office_word_that_ends_a_name(facts_of):
    text = ("a) Stimmberechtigte Mitglieder:\n\nSPD\n\nKarin Muster\nUwe Quell, 1. stellv. Bezirksbürgermeister\n\n"
            "b) Berichterstatter:\n\nHerr Anders, Tiefbauamt\n\nc) Verwaltung\n\n"
            "Herr Berger Bezirksverwaltungsstelle Nord\n")
    assert persons(facts_of, text) == {
        ("Karin Muster", "Stimmberechtigtes Mitglied"), ("Uwe Quell", "1. stellvertretender Bezirksbürgermeister"),
        ("Anders", "Berichterstatter"), ("Berger", "Verwaltung")}


def test_an_office_after_a_comma_that_holds_a_party_word_is_an_office(facts_of):
    text = "Stimmberechtigte Mitglieder:\nKarin Muster, Fraktionssprecherin\nUwe Quell, SPD-Fraktion\n"
    assert persons(facts_of, text) == {("Karin Muster", "Fraktionssprecherin"),
                                       ("Uwe Quell", "Stimmberechtigtes Mitglied")}


def test_a_singular_group_label_heads_every_name_under_it_not_only_the_first(facts_of):
    text = ("Anwesend:\n\nVorsitzende/r\n\nHerr Gerold Anwander\n\nMitglied\n\nHerr Jonas Achterberg\n\n"
            "Frau Merle Quandt\n\nHerr Ruben Falkenhagen\n\nProtokollführer\n\nHerr Theo Brinkhaus\n\n"
            "Es fehlten:\n\nErsatzmitglieder\n\nFrau Ilka Dornseif\n")
    assert persons(facts_of, text) == {
        ("Gerold Anwander", "Vorsitzender"), ("Jonas Achterberg", "Mitglied"), ("Merle Quandt", "Mitglied"),
        ("Ruben Falkenhagen", "Mitglied"), ("Theo Brinkhaus", "Protokollführer"), ("Ilka Dornseif", "Ersatzmitglied")}


def test_a_note_in_brackets_after_a_label_heading_keeps_its_office(facts_of):
    text = ("| Mitglieder: | |\n| Achterberg, Jonas | |\n| Ortsbürgermeister (ohne Stimmrecht): | |\n"
            "| Quandt, Merle, Unterdorf | entschuldigt |\n| Falkenhagen, Ruben, Oberdorf | |\n")
    got = persons(facts_of, text)
    assert {("Merle Quandt", "Ortsbürgermeisterin"), ("Ruben Falkenhagen", "Ortsbürgermeister")} <= got \
        or {("Merle Quandt", "Ortsbürgermeister"), ("Ruben Falkenhagen", "Ortsbürgermeister")} <= got
    assert ("Ruben Falkenhagen", "Mitglied") not in got


def test_the_chair_in_brackets_and_an_adjectival_office_agreeing_with_frau(facts_of):
    text = ("Anwesend:\nGesine Haberland (Vorsitz)\nJonas Achterberg\n\nIn der Sitzung berichtete Frau Dornseif "
            "(Vorsitz) über den Haushalt. Frau Quandt, Beigeordneter der Stadt, dankt.")
    got = persons(facts_of, text)
    assert {("Gesine Haberland", "Vorsitz"), ("Dornseif", "Vorsitz"), ("Quandt", "Beigeordnete")} <= got
    assert ("Jonas Achterberg", "Vorsitz") not in got
