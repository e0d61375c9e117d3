"""What a reader keeps per snapshot (queries.kept) answers exactly as the statements do: the whole result of
sessions-per-year filtered, names and councils from the directory, and `ask` on top of both."""

import pytest

from ratsinfo import queries
from ratsinfo.queries.ask import ask
from ratsinfo.queries.kept import Kept, using
from ratsinfo.queries.names import council_slug, councils_matching, organization_councils, resolve, slug_matches
from ratsinfo.warehouse import reads


def _both(con, call):
    """The call's result read by the statements, and read through a fresh snapshot's kept rows."""
    plain = call()
    with using(Kept()):
        return plain, call()


def _councils(con):
    return sorted({c for _k, c, _s in reads.council_directory(con) if c})


def test_sessions_per_year_filtered_from_its_whole_result_equals_the_statement(ro):
    orgs = [k for k, *_ in reads.organizations(ro)]
    years = [None, *sorted({r[0] for r in ro.execute("SELECT DISTINCT year(start) FROM meeting "
                                                     "WHERE start IS NOT NULL").fetchall()})[:3], 2019, 1990]
    councils = [None, *_councils(ro), "nirgendwo"]
    # every year with every council for no, several and an unknown organization; each single organization
    # alone, and every other one with one year and council in turn, so that every value of each parameter is tried
    cases = [(org, year, council) for org in (None, orgs[:3], ["(no such organization)"])
             for year in years for council in councils]
    for i, org in enumerate(orgs):
        cases += [([org], None, None)]
        if i % 2 == 0:  # every other one with a year and a council, which still takes each value in turn
            j = i // 2
            cases += [([org], years[j % len(years)], councils[j // len(years) % len(councils)])]
    compared = nonempty = 0
    kept = Kept()
    for org, year, council in cases:
        params = {"organization": org, "year": year, "council": council}
        plain = queries.run_bound(ro, "sessions-per-year", params)
        with using(kept):
            assert queries.run_bound(ro, "sessions-per-year", params) == plain, params
        compared += 1
        nonempty += bool(plain[1])
    assert compared > 50 and nonempty > 5


def test_columns_named_with_an_underscore_serve_the_filter_and_are_never_shown(ro):
    cols, _rows = queries.run(ro, "sessions-per-year", {"year": "2019"})
    assert cols and not any(c.startswith("_") for c in cols)
    assert queries.get("sessions-per-year").kept[0] == ("_organization_key", "IN", "organization")


def test_a_kept_header_must_name_declared_parameters_and_cover_them_all():
    head = ("-- name: q\n-- answers: x\n-- param: year INTEGER optional: y\n"
            "-- param: organization ORGANIZATION optional: o\n")
    body = "SELECT $year, $organization"
    with pytest.raises(ValueError, match="does not declare"):
        queries.parse(head + "-- kept: year = year, _k IN organisation\n" + body, "q.sql")
    with pytest.raises(ValueError, match="every parameter"):
        queries.parse(head + "-- kept: year = year\n" + body, "q.sql")
    with pytest.raises(ValueError, match="column IN"):
        queries.parse(head + "-- kept: year LIKE year, _k IN organization\n" + body, "q.sql")


def test_names_resolve_from_the_directory_as_from_the_statement(ro):
    names = [n for _k, name, aliases, abbr in reads.organizations(ro) for n in [name, *(aliases or []), abbr] if n]
    spellings = [*names, *(n.upper() for n in names), *(n + "s" for n in names), *(n + "es" for n in names),
                 "Führungsstabes", "des Lenkungsgremiums", "Sicherheitskonferenzen", "", "  ", "Niemand"]
    for text in spellings:
        plain, kept = _both(ro, lambda text=text: resolve(ro, text))
        assert kept == plain, text
    assert any(resolve(ro, t) for t in spellings)


def test_councils_match_in_python_as_the_sql_macro_does(ro):
    councils = _councils(ro)
    assert councils
    places = [*councils, *(c.lower() for c in councils), *(f"Stadt {c.split()[-1]}" for c in councils),
              *(c.split()[-1] for c in councils), "Landeshauptstadt Musterstadt", "Stadt Mühlbach", "Muehlbach",
              "Marktgemeinde Oberdorf", "Bad Irgendwo", "nirgendwo", "-", "Köln-Mülheim"]
    for place in places:
        plain, kept = _both(ro, lambda place=place: councils_matching(ro, place))
        assert kept == plain, place
    assert any(councils_matching(ro, p) for p in places)
    pairs = [(have, want) for have in [*councils, "Stadt Köln-Mülheim", "Gemeinde Straße am See", "Hansestadt Lübbe"]
             for want in ["Köln-Mülheim", "Mülheim", "Straße am See", "Strasse am See", "Lübbe", "Stadt Lübbe",
                          "Hansestadt Lübbe", "See", *places]]
    sql = ro.execute("SELECT council_slug(h), council_matches(h, w) FROM (SELECT unnest(?) h, unnest(?) w)",
                     [[h for h, _w in pairs], [w for _h, w in pairs]]).fetchall()
    for (have, want), (slug, matched) in zip(pairs, sql, strict=True):
        assert council_slug(have) == slug and slug_matches(slug, want) == matched, (have, want)
    assert any(m for _s, m in sql) and not all(m for _s, m in sql)


def test_councils_of_organizations_from_the_directory_as_from_the_statement(ro):
    keys = [k for k, *_ in reads.organizations(ro)] + ["org:none"]
    plain, kept = _both(ro, lambda: organization_councils(ro, keys))
    assert kept == plain and any(plain.values())


QUESTIONS = ["Wie viele Sitzungen des Führungsstabes fanden 2019 statt?", "Wie oft tagte die Lenkungsgruppe 2019?",
             "Welche Themen behandelte der Führungsstab 2019?", "Wie oft tagte der Stadtrat in Falkenried?",
             "Welche Arbeitsgruppen gibt es?", "Wie oft soll der Führungsstab laut Geschäftsordnung tagen?",
             "Gibt es etwas zur Videoüberwachung?", "Wie oft tagte der Rat in Nirgendwo 2020?"]


def test_ask_answers_the_same_with_kept_rows(ro):
    for q in QUESTIONS:
        plain, kept = _both(ro, lambda q=q: ask(ro, q).as_json())
        assert kept == plain, q
    assert any(ask(ro, q).query == "sessions-per-year" for q in QUESTIONS)
