"""Two councils with a body of the same name: every canned query and `ask` keeps them apart, the
council taken from the question ("in Musterstadt"), a `council` parameter, `--body` or the letterhead."""

from __future__ import annotations

import json

import pytest

# Written for this test: two towns, each with its own Jugendhilfeausschuss.
TOWNS = {
    "musterstadt": ("Stadt Musterstadt\nDer Oberbürgermeister\n\nBericht über den Jugendhilfeausschuss\n\n"
                    "Im Jahr 2023 fanden vier Sitzungen des Jugendhilfeausschusses statt. Der Jugendhilfeausschuss "
                    "befasste sich im Jahr 2023 mit folgenden Themen:\n- Kita-Ausbau\n- Schulsozialarbeit\n"
                    "Der Jugendhilfeausschuss tagt laut Geschäftsordnung viermal im Jahr.\n", "viermal", None),
    "beispieldorf": ("Der Bürgermeister\n\nJahresbericht\n\nIm Jahr 2023 fanden zwei Sitzungen des "
                     "Jugendhilfeausschusses statt. Der Jugendhilfeausschuss befasste sich im Jahr 2023 mit "
                     "folgenden Themen:\n- Jugendtreff\n- Ferienprogramm\n"
                     "Der Jugendhilfeausschuss tagt laut Geschäftsordnung zweimal im Jahr.\n", "zweimal",
                     "Gemeinde Beispieldorf"),
}


@pytest.fixture
def two_towns(cli, tmp_path):
    for town, (text, times, body) in TOWNS.items():
        folder = tmp_path / town
        folder.mkdir()
        (folder / "bericht.txt").write_text(text, encoding="utf-8")
        head = "Stadt Musterstadt\n\n" if body is None else ""
        (folder / "geschaeftsordnung.txt").write_text(
            f"{head}Geschäftsordnung des Jugendhilfeausschusses\n\n§ 1 Aufgaben\nDer Jugendhilfeausschuss berät "
            f"über Fragen der Jugendhilfe.\n\n§ 2 Sitzungen\nDer Jugendhilfeausschuss tritt {times} im Jahr "
            "zusammen.\n\n§ 3 Einladung\nDie Einladung ergeht mit einer Frist von sieben Tagen.\n", encoding="utf-8")
        args = ["ingest", "files", str(folder)] + (["--body", body] if body else [])
        assert cli(*args).code == 0
    return cli


def query(cli, name: str, **params: str) -> list[dict]:
    args = ["query", name, "--format", "json"]
    for k, v in params.items():
        args += ["--param", f"{k}={v}"]
    res = cli(*args)
    assert res.code == 0, res.err
    return json.loads(res.out)


def ask(cli, question: str, *extra: str) -> dict:
    res = cli("ask", question, "--format", "json", *extra)
    assert res.code == 0, res.err
    return json.loads(res.out)


def test_same_named_bodies_of_two_councils_keep_their_own_rows(two_towns):
    rows = query(two_towns, "sessions-per-year", organization="Jugendhilfeausschuss", year="2023")
    assert sorted((r["sessions"], r["sources"][0].split("/")[-2]) for r in rows) == \
        [(2, "beispieldorf"), (4, "musterstadt")]
    assert len({r["council"] for r in rows}) == 2


@pytest.mark.parametrize("name, extra", [("sessions-per-year", {"year": "2023"}), ("rules", {}), ("topics", {})])
def test_a_council_parameter_answers_from_that_council_only(two_towns, name, extra):
    for town in TOWNS:
        rows = query(two_towns, name, organization="Jugendhilfeausschuss", council=town.capitalize(), **extra)
        assert rows
        sources = {s for r in rows for s in (r.get("sources") or [r.get("source")])}
        assert all(f"/{town}/" in s for s in sources), (name, town, sources)


def test_ask_takes_the_council_from_the_question_or_the_option(two_towns):
    got = ask(two_towns, "Wie viele Sitzungen des Jugendhilfeausschusses fanden 2023 in Musterstadt statt?")
    assert [r["sessions"] for r in got["rows"]] == [4] and "/musterstadt/" in got["text"]
    assert "beispieldorf" not in got["text"]
    got = ask(two_towns, "Welche Themen behandelte der Jugendhilfeausschuss 2023?", "--council", "Beispieldorf")
    assert "Jugendtreff" in got["text"] and "Kita" not in got["text"] and "/musterstadt/" not in got["text"]
    got = ask(two_towns, "Wie oft tagt der Jugendhilfeausschuss laut Geschäftsordnung?", "--council", "Musterstadt")
    assert "viermal" in got["text"] and "zweimal" not in got["text"] and "/beispieldorf/" not in got["text"]


def test_ask_without_a_council_answers_each_council_in_its_own_sentence(two_towns):
    got = ask(two_towns, "Wie viele Sitzungen des Jugendhilfeausschusses fanden 2023 statt?")
    lines = got["text"].splitlines()
    assert len(lines) == 2
    for line in lines:
        towns = [t for t in TOWNS if f"/{t}/" in line]
        assert len(towns) == 1 and towns[0].split("-")[0] in line.split(":")[0].casefold()


def test_councils_are_shown_by_their_names_not_by_the_slugs_in_keys(two_towns):
    names = {"Stadt Musterstadt", "Gemeinde Beispieldorf"}  # the letterhead's and --body's
    for name, extra in [("sessions-per-year", {"year": "2023"}), ("rules", {}), ("topics", {})]:
        rows = query(two_towns, name, organization="Jugendhilfeausschuss", **extra)
        assert {r["council"] for r in rows} == names, name
    got = ask(two_towns, "Wie viele Sitzungen des Jugendhilfeausschusses fanden 2023 statt?")
    assert "„Jugendhilfeausschuss“ (Stadt Musterstadt)" in got["text"]
    assert "„Jugendhilfeausschuss“ (Gemeinde Beispieldorf)" in got["text"]
    assert "(musterstadt)" not in got["text"] and "gemeinde-beispieldorf" not in got["text"]
