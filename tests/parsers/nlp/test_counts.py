import pytest


def one(facts, kind="session_count"):
    (f,) = facts[kind]
    return f


def test_an_exact_count_with_its_year(facts_of):
    f = one(facts_of("Im Jahr 2021 fanden drei Sitzungen des Integrationsbeirates statt."))
    assert (f.subject, f.number, f.year, f.qualifier) == ("Integrationsbeirat", 3, 2021, "exact")


def test_a_rule_per_year_has_no_year(facts_of):
    f = one(facts_of("Der Seniorenbeirat tagt in der Regel viermal im Jahr."))
    assert (f.number, f.year, f.qualifier) == (4, None, "per_year")
    f = one(facts_of("Der Seniorenbeirat kommt vierteljährlich zusammen."))
    assert (f.number, f.qualifier) == (4, "per_year")


def test_an_event_organised_twice_a_year_counts_for_the_event(facts_of):
    f = one(facts_of("Der Präventionsrat führt zweimal jährlich eine Sicherheitskonferenz durch."))
    assert (f.subject, f.number, f.qualifier) == ("Sicherheitskonferenz", 2, "per_year")


def test_upper_and_lower_bounds(facts_of):
    f = one(facts_of("Der Ausländerbeirat tritt bis zu fünfzehn Mal im Jahr zusammen."))
    assert (f.number, f.qualifier) == (15, "upper_bound")
    f = one(facts_of("Der Klimabeirat soll mindestens sechsmal jährlich tagen."))
    assert (f.number, f.qualifier, f.year) == (6, "at_least", None)


def test_planned_sessions_are_not_held_sessions(facts_of):
    facts = facts_of("Für 2024 sind acht Sitzungen des Jugendbeirates geplant; bis Mai fanden bereits zwei Sitzungen "
                     "statt.")
    got = sorted((f.number, f.year, f.qualifier) for f in facts["session_count"])
    assert got == [(2, 2024, "exact"), (8, 2024, "planned")]


def test_several_years_in_one_sentence(facts_of):
    facts = facts_of("Die Projektgruppe Bahnhof tagte 2019 neunmal, 2020 sechsmal und 2021 achtmal.")
    assert sorted((f.year, f.number) for f in facts["session_count"]) == [(2019, 9), (2020, 6), (2021, 8)]


def test_the_year_of_the_question_carries_over_to_its_answer(facts_of):
    text = ("1. Wie oft tagte der Sportbeirat im Jahr 2018?\n\nDer Sportbeirat tagte fünfmal.\n\n"
            "2. Wer leitet ihn?\n\nDie Vorsitzende.")
    f = one(facts_of(text))
    assert (f.number, f.year) == (5, 2018)


def test_a_cumulative_count_has_no_year(facts_of):
    f = one(facts_of("Der Arbeitskreis Jugend hat seit seiner Gründung im Jahr 2016 insgesamt zwölf Mal getagt."))
    assert (f.number, f.year) == (12, None)


def test_a_pronoun_or_a_short_name_refers_back(facts_of):
    facts = facts_of("Der Lenkungskreis Soziale Stadt wurde 2019 gegründet. Er tagt zweimonatlich. "
                     "Im Jahr 2020 kam der Lenkungskreis nur zweimal zusammen.")
    got = sorted((f.subject, f.number, f.qualifier) for f in facts["session_count"])
    assert got == [("Lenkungskreis Soziale Stadt", 2, "exact"), ("Lenkungskreis Soziale Stadt", 6, "per_year")]


def test_questions_are_not_counts(facts_of):
    assert "session_count" not in facts_of("1. Fanden 2019 zwei Sitzungen des Beirates für Senioren statt?\n")


def test_a_range_is_a_lower_and_an_upper_bound(facts_of):
    got = {(f.subject, f.number, f.qualifier) for f in facts_of(
        "Der Klimabeirat tritt i. d. R. 2 - 5 mal jährlich zusammen.")["session_count"]}
    assert got == {("Klimabeirat", 2, "at_least"), ("Klimabeirat", 5, "upper_bound")}


def test_times_x_per_year_for_the_body_named_before(facts_of):
    f = one(facts_of("Der Arbeitskreis für die Gleichstellung von Frau und Mann berät den Kreistag. "
                     "Der Arbeitskreis tagt ca. 4 x jährlich."))
    assert (f.subject, f.number, f.qualifier) == ("Arbeitskreis für die Gleichstellung von Frau und Mann", 4,
                                                  "per_year")


def test_a_count_in_a_clause_of_another_subject_is_not_the_first_bodys(facts_of):
    facts = facts_of("Die Vollversammlung tagt einmal im Jahr, der Vorstand bis zu zwölf Mal im Jahr.")
    assert [(c.subject, c.number, c.qualifier) for c in facts["session_count"]] == [("Vollversammlung", 1, "per_year")]


def test_a_count_in_the_same_clause_after_a_comma_still_counts(facts_of):
    facts = facts_of("Der Beirat für Senioren wurde 2019 gegründet, die Sitzungen fanden im Jahr 2020 dreimal statt.")
    assert [(c.subject, c.number, c.year) for c in facts["session_count"]] == [("Beirat für Senioren", 3, 2020)]


def test_counts_that_did_not_happen_are_none(facts_of):
    assert "session_count" not in facts_of("Vier Sitzungen im Jahr wären für den Seniorenbeirat zu wenig.")


def test_each_of_two_years_has_its_count(facts_of):
    facts = facts_of("In den Jahren 2016 und 2017 fanden je drei Sitzungen des Präventionsrates statt.")
    assert sorted((c.year, c.number) for c in facts["session_count"]) == [(2016, 3), (2017, 3)]


def test_each_of_two_bodies_meets_as_often(facts_of):
    facts = facts_of("Der Sportausschuss und der Ausschuss für Kultur tagen jeweils etwa acht Mal im Jahr.")
    assert sorted((c.subject, c.number) for c in facts["session_count"]) == [
        ("Ausschuss für Kultur", 8), ("Sportausschuss", 8)]


def test_a_lower_bound_after_as_needed(facts_of):
    facts = facts_of("Der Forstbeirat tritt nach Bedarf, mindestens aber dreimal im Jahr zusammen.")
    c = facts["session_count"]
    assert [(f.subject, f.number, f.qualifier) for f in c] == [("Forstbeirat", 3.0, "at_least")]


@pytest.mark.parametrize("sentence, n", [
    ("Der Umweltbeirat tagt einmal im Monat.", 12),
    ("Der Jugendbeirat trifft sich zweimal pro Quartal.", 8),
    ("Der Lenkungskreis kommt alle drei Monate zusammen.", 4),
    ("Der Krisenstab tagt in etwa zweimonatigem Abstand.", 6),
    ("Der Jugendbeirat trifft sich alle 4 Wochen.", 13),
    ("Der Sportbeirat tagt vierzehntägig.", 26),
    ("Der Seniorenbeirat tagt jeweils am 3. Mittwoch eines Monats.", 12),
    ("Der Kulturbeirat tagt zweimal im Halbjahr.", 4)])
def test_counts_per_month_quarter_week_or_weekday_of_the_month_are_per_year(facts_of, sentence, n):
    f = one(facts_of(sentence))
    assert (f.number, f.year, f.qualifier) == (n, None, "per_year")


def test_this_round_is_the_body_the_sentence_before_named(facts_of):
    f = one(facts_of("Der Ordnungsrat berät die Verwaltung. In dieser Runde treffen sich die Leitungen der Ämter "
                     "alle zwei Monate."))
    assert (f.subject, f.number, f.qualifier) == ("Ordnungsrat", 6, "per_year")


def test_both_sessions_are_two(facts_of):
    f = one(facts_of("Aus den beiden Sitzungen des Sportbeirates 2022 berichtet die Vorsitzende."))
    assert (f.subject, f.number, f.year, f.qualifier) == ("Sportbeirat", 2, 2022, "exact")


def test_groups_meeting_between_sessions_give_no_count(facts_of):
    facts = facts_of("Die AG Schulweg wurde gegründet. Die Arbeitsgruppen wollen sich zweimal zwischen den "
                     "Sitzungen des Beirates treffen.")
    assert "session_count" not in facts


def test_bodies_meeting_as_often_as_the_one_before(facts_of):
    facts = facts_of("Der Kreistag tagt etwa sechsmal im Jahr. Der Kreisausschuss und der Umweltausschuss tagen "
                     "ebenso oft.")
    got = {(f.subject, f.number, f.qualifier) for f in facts["session_count"]}
    assert got == {("Kreistag", 6, "per_year"), ("Kreisausschuss", 6, "per_year"), ("Umweltausschuss", 6, "per_year")}




def test_a_count_since_a_year_is_over_the_years_not_of_that_year(facts_of):
    (c,) = facts_of("Bericht 2023\n\nSeit 2015 hat der Präventionsrat 12 Mal getagt.")["session_count"]
    assert (c.subject, c.number, c.year, c.qualifier) == ("Präventionsrat", 12, None, "exact")


def test_each_count_goes_to_the_body_of_its_own_clause(facts_of):
    facts = facts_of("Die Vollversammlung tagt einmal im Jahr, der Lenkungskreis bis zu zwölf Mal im Jahr.")
    assert sorted((c.subject, c.number, c.qualifier) for c in facts["session_count"]) == [
        ("Lenkungskreis", 12, "upper_bound"), ("Vollversammlung", 1, "per_year")]


def test_a_count_of_a_board_named_only_through_its_owner_goes_to_no_body(facts_of):
    facts = facts_of("Die Vollversammlung tagt einmal im Jahr, der Vorstand des Präventionsrates bis zu zwölf Mal.")
    assert [(c.subject, c.number) for c in facts["session_count"]] == [("Vollversammlung", 1)]


def test_two_bodies_two_counts_of_one_year(facts_of):
    facts = facts_of("Der Seniorenbeirat tagte 2021 viermal, der Jugendbeirat dreimal.")
    assert sorted((c.subject, c.number, c.year) for c in facts["session_count"]) == [
        ("Jugendbeirat", 3, 2021), ("Seniorenbeirat", 4, 2021)]


@pytest.mark.parametrize("sentence, n", [
    ("Der Heimatbeirat tagte 2023 in sieben öffentlichen Sitzungen.", 7),
    ("Der Heimatbeirat kam 2023 zu fünf ordentlichen Sitzungen zusammen.", 5),
    ("Im Jahr 2023 fanden neun Beiratssitzungen des Heimatbeirates statt.", 9),
    ("Der Heimatbeirat hat sich 2023 an sechs Terminen getroffen.", 6),
    ("Der Heimatbeirat tagte 2023 an vier Sitzungsterminen.", 4),
])
def test_a_count_of_sessions_in_any_case_and_compound(facts_of, sentence, n):
    f = one(facts_of(sentence))
    assert (f.subject, f.number, f.year, f.qualifier) == ("Heimatbeirat", n, 2023, "exact")


def test_appointments_without_a_verb_of_meeting_are_no_sessions(facts_of):
    assert "session_count" not in facts_of("Der Heimatbeirat bietet 2023 an sechs Terminen eine Sprechstunde an.")


@pytest.mark.parametrize("sentence, n", [
    ("Der Heimatbeirat tagt alle drei Monate.", 4),
    ("Der Heimatbeirat tagt jeden zweiten Monat.", 6),
    ("Der Heimatbeirat trifft sich im Abstand von vier Wochen.", 13),
    ("Der Heimatbeirat kommt im zweiwöchigen Rhythmus zusammen.", 26),
    ("Der Heimatbeirat tagt im 4-monatigen Turnus.", 3),
])
def test_an_interval_between_sessions_is_a_count_per_year(facts_of, sentence, n):
    f = one(facts_of(sentence))
    assert (f.subject, f.number, f.qualifier) == ("Heimatbeirat", n, "per_year")


def test_an_interval_that_does_not_divide_a_year_gives_no_count(facts_of):
    assert "session_count" not in facts_of("Der Heimatbeirat trifft sich im Abstand von sieben Wochen.")


def test_an_interval_of_reports_is_no_count_of_sessions(facts_of):
    assert "session_count" not in facts_of("Der Heimatbeirat erhält alle sechs Monate einen Bericht der Verwaltung.")


@pytest.mark.parametrize("sentence", ["Der Heimatbeirat tagt sechs Mal jährlich.",
                                      "Der Heimatbeirat tagt jährlich sechsmal."])
def test_the_times_beside_jaehrlich_are_the_one_count(facts_of, sentence):
    f = one(facts_of(sentence))
    assert (f.number, f.qualifier) == (6, "per_year")


@pytest.mark.parametrize("sentence", [
    "In den Jahren 2019 bis 2023 fanden insgesamt zwölf Sitzungen des Heimatbeirates statt.",
    "Zwischen 2019 und 2023 kam der Heimatbeirat zu zwölf Sitzungen zusammen.",
])
def test_a_count_over_a_span_of_years_belongs_to_no_one_year(facts_of, sentence):
    f = one(facts_of(sentence))
    assert (f.number, f.year) == (12, None)


def test_a_year_named_after_a_span_is_the_count_s_year(facts_of):
    f = one(facts_of("In der Wahlperiode 2019-2024 tagte der Heimatbeirat 2021 viermal."))
    assert (f.number, f.year) == (4, 2021)


@pytest.mark.parametrize("sentence", [
    "Herr Kern hat 2023 an drei Sitzungen des Heimatbeirates teilgenommen.",
    "Die Feuerwehr war 2023 in zwei Sitzungen des Heimatbeirates zu Gast.",
    "Der Heimatbeirat hat 2023 zwei Sitzungen abgesagt.",
    "Zwei Sitzungen des Heimatbeirates fielen 2023 wegen Krankheit aus.",
    "Der Entwurf wurde 2023 in drei Sitzungen des Heimatbeirates beraten.",
    "Der Heimatbeirat hat 2023 zwei Sitzungen weniger als im Vorjahr abgehalten.",
])
def test_sessions_counted_that_the_body_did_not_hold_as_its_count(facts_of, sentence):
    assert "session_count" not in facts_of(sentence)
