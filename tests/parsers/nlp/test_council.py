"""Every body belongs to a council: the one the caller names, else the one the document's head names."""

import pytest

from ratsinfo.parsers.nlp.council import council_of, recognise, slugify


def test_the_letterhead_names_the_council():
    c = recognise("Stadt Wiesental\nDer Bürgermeister\n\nVorlage an den Rat der Stadt Wiesental")
    assert (c.name, c.slug) == ("Stadt Wiesental", "wiesental")


def test_kinds_of_council_keep_their_slugs_apart():
    assert recognise("Samtgemeinde Heideland\nProtokoll").slug == "sg-heideland"
    assert recognise("Landkreis Heideland\nKreistag").slug == "landkreis-heideland"
    assert recognise("Geschäftsordnung des Ober-Tal-Kreises\n§ 1").slug == "ober-tal-kreis"


def test_a_town_named_in_passing_is_not_the_council():
    text = "Der Präventionsrat arbeitet in einem Projektverbund mit der Samtgemeinde Heideland zusammen."
    assert recognise(text) is None


def test_a_place_with_am_and_umlauts_gets_a_plain_slug():
    assert slugify("Mühlbach am Main") == "muehlbach-am-main"
    assert recognise("Rat der Stadt Mühlbach am Main\nNiederschrift").slug == "muehlbach-am-main"


def test_the_callers_council_wins_over_the_head():
    assert council_of("Stadt Wiesental\nProtokoll", "Gemeinde Bergdorf").slug == "bergdorf"
    assert council_of("Stadt Wiesental\nProtokoll", "bergdorf").slug == "bergdorf"


def test_same_named_bodies_of_two_councils_get_two_keys(facts_of):
    a = facts_of("Stadt Wiesental\n\nDie Lenkungsgruppe tagte 2021 dreimal.")
    b = facts_of("Gemeinde Bergdorf\n\nDie Lenkungsgruppe tagte 2021 zweimal.")
    ka = {f.subject_key for f in a["organization"]}
    kb = {f.subject_key for f in b["organization"]}
    assert ka == {"org:wiesental:lenkungsgruppe"} and kb == {"org:bergdorf:lenkungsgruppe"}
    assert all(f.detail["council"] == "wiesental" for f in a["session_count"])


def test_a_council_passed_in_keys_the_bodies(facts_of):
    from ratsinfo.parsers.nlp.extract import extract

    result = extract("Die Lenkungsgruppe tagte 2021 dreimal.", document_key="d", document="d",
                     council="Gemeinde Bergdorf")
    assert [o.key for o in result.organizations] == ["org:bergdorf:lenkungsgruppe"]


def test_a_letterhead_in_capitals_names_the_council():
    from ratsinfo.parsers.nlp.council import recognise

    found = recognise("DER HANSESTADT KLEINHAFEN\nDrucksache 4/12\n\nMitteilung an die Bürgerschaft")
    assert (found.name, found.slug) == ("Hansestadt Kleinhafen", "kleinhafen")


@pytest.mark.parametrize(("head", "slug"), [
    ("Stadt Bad Talheim", "bad-talheim"), ("Gemeinde Bad Waldau", "bad-waldau"),
    ("Stadt Sankt Wendelin", "sankt-wendelin"), ("Stadt St. Talheim", "st-talheim")])
def test_towns_named_with_bad_or_sankt_keep_their_own_name(head, slug):
    assert recognise(f"{head}\n\nDer Seniorenbeirat tagt.").slug == slug


def test_same_named_bodies_of_two_spa_towns_get_two_keys():
    from ratsinfo.parsers.nlp.extract import extract

    keys = {f.subject_key for town in ("Bad Talheim", "Bad Waldau") for f in extract(
        f"Stadt {town}\n\nDer Seniorenbeirat tagt.", document_key=town, document="t.txt").facts
        if f.kind == "organization"}
    assert len(keys) == 2
