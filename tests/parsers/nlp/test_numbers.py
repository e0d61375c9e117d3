from datetime import date

import pytest

from ratsinfo.parsers.nlp.numbers import duration_days, parse_date, times_value

WORDS = {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
         "elf": 11, "zwölf": 12, "fünfzehn": 15}


@pytest.mark.parametrize(("word", "n"), [("ein", 1), *WORDS.items()])
def test_times_words_in_every_spelling(word, n):
    assert times_value(f"{word}mal") == n
    assert times_value(f"{word} Mal") == n
    assert times_value(f"{n}-mal") == n


@pytest.mark.parametrize(("word", "n"), list(WORDS.items()))
def test_number_words_count_sessions(facts_of, word, n):
    facts = facts_of(f"Im Jahr 2020 fanden {word} Sitzungen des Seniorenbeirates statt.")
    (count,) = facts["session_count"]
    assert (count.subject, count.number, count.year, count.qualifier) == ("Seniorenbeirat", n, 2020, "exact")


@pytest.mark.parametrize(("word", "n"), [("einmal", 1), *((f"{w}mal", n) for w, n in WORDS.items())])
def test_number_words_count_meetings_with_a_verb(facts_of, word, n):
    facts = facts_of(f"Der Arbeitskreis Radverkehr hat im Jahr 2019 {word} getagt.")
    (count,) = facts["session_count"]
    assert (count.subject, count.number, count.year) == ("Arbeitskreis Radverkehr", n, 2019)


def test_eins_as_a_single_session(facts_of):
    facts = facts_of("Im Jahr 2016 fand lediglich eine Sitzung des Jugendhilfeausschusses statt.")
    (count,) = facts["session_count"]
    assert (count.number, count.year) == (1, 2016)


@pytest.mark.parametrize("text", ["7. Oktober 2019", "07.10.2019", "2019-10-07", "7.10.2019"])
def test_dates_in_three_formats(text):
    assert parse_date(text) == date(2019, 10, 7)


def test_impossible_dates_are_none():
    assert parse_date("31.02.2020") is None
    assert parse_date("7. Brumaire 2020") is None


def test_durations_in_days():
    assert duration_days("bis drei Wochen vor der Sitzung")[0] == 21
    assert duration_days("mit 14-tägigem Vorlauf")[0] == 14
    assert duration_days("innerhalb von einem Monat")[0] == 30
    assert duration_days("ohne Frist") is None


@pytest.mark.parametrize(("written", "month"), [("3. Jan. 2022", 1), ("3. Mrz. 2022", 3), ("3. Sept. 2022", 9),
                                                ("3. Okt. 2022", 10)])
def test_a_month_cut_short_with_its_full_stop_is_read(written, month):
    assert parse_date(written) == date(2022, month, 3)
