from datetime import date

import pytest


@pytest.mark.parametrize("when", ["7. Oktober 2019", "07.10.2019", "2019-10-07"])
def test_a_numbered_meeting_with_a_date_in_any_format(facts_of, when):
    facts = facts_of(f"Am {when} fand die 40. Stadtteilkonferenz statt.")
    (m,) = facts["meeting"]
    assert (m.subject, m.number, m.date) == ("Stadtteilkonferenz", 40, date(2019, 10, 7))


def test_the_day_of_a_date_is_not_a_meeting_number(facts_of):
    (m,) = facts_of("Am 7. Oktober 2019 tagte die Fachkonferenz Sucht.")["meeting"]
    assert (m.number, m.date) == (None, date(2019, 10, 7))


def test_a_heading_gives_the_numbered_meeting_its_title(facts_of):
    text = ("12. Fachkonferenz: Sicher unterwegs – Radverkehr im Quartier\n\n"
            "Die 12. Fachkonferenz, welche am 03.05.2021 stattfand, war gut besucht.")
    (m,) = facts_of(text)["meeting"]
    assert (m.number, m.date, m.value) == (12, date(2021, 5, 3), "Sicher unterwegs – Radverkehr im Quartier")


@pytest.mark.parametrize("ordinal", [1, 2, 3, 10, 23])
def test_ordinal_sessions_of_a_body(facts_of, ordinal):
    (m,) = facts_of(f"Die {ordinal}. Sitzung des Bauausschusses am 12.03.2020 wurde vertagt.")["meeting"]
    assert (m.subject, m.number, m.date) == ("Bauausschuss", ordinal, date(2020, 3, 12))


def test_numbered_sessions_listed_after_their_body(facts_of):
    facts = facts_of("Die 1. Sitzung des Jugendbeirates fand am 03.03.2021 statt, die 2. Sitzung am 16. Juni 2021.")
    assert sorted((m.number, m.date) for m in facts["meeting"]) == [(1, date(2021, 3, 3)), (2, date(2021, 6, 16))]


def test_a_session_known_only_to_the_month(facts_of):
    (m,) = facts_of("Der Kreispräventionsrat hat in einer Sondersitzung im Mai 2022 seine Geschäftsordnung "
                    "neu gefasst.")["meeting"]
    assert (m.subject, m.date, m.year, m.detail["month"]) == ("Kreispräventionsrat", None, 2022, "2022-05")


def test_a_body_with_the_day_it_decided_is_a_meeting(facts_of):
    from datetime import date

    got = {(m.subject, m.date) for m in facts_of(
        "Die Stadtverordnetenversammlung vom 21.06.2021 hat beschlossen, einen Klimabeirat einzurichten.")["meeting"]}
    assert got == {("Stadtverordnetenversammlung", date(2021, 6, 21))}
