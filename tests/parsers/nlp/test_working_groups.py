"""Working groups of a council's bodies, and groups that belong to a party instead. The sentences are written
for these tests."""


def groups(facts_of, text: str) -> set[tuple[str | None, str | None]]:
    return {(f.subject, f.value) for f in facts_of(text).get("working_group", [])}


def test_a_group_a_party_owns_is_no_working_group_of_the_council(facts_of):
    text = ("Auf Anregung des Arbeitskreises \u201eVerkehr\u201c der SPD bildete der Präventionsrat die "
            "Arbeitsgruppe Schulweg.")
    got = groups(facts_of, text)
    assert ("Arbeitsgruppe Schulweg", "Präventionsrat") in got
    assert not any(name and "Verkehr" in name for name, _parent in got)


def test_a_network_of_many_towns_or_of_a_higher_level_is_no_working_group_of_the_council(facts_of):
    text = ("Der Präventionsrat arbeitet mit dem Bundesnetzwerk Prävention und dem Gesunde-Städte-Netzwerk zusammen "
            "und hat die AG Schulweg gegründet.")
    assert groups(facts_of, text) == {("AG Schulweg", "Präventionsrat")}


def test_a_network_an_alliance_or_a_forum_of_many_bearers_is_a_body_but_no_group_of_the_council(facts_of):
    text = ("Der Präventionsrat arbeitet im Netzwerk Sichere Kindheit und im Bündnis für Familie mit, besucht das "
            "Forum Ehrenamt und hat die AG Schulweg gegründet.")
    facts = facts_of(text)
    assert {f.subject for f in facts["organization"]} >= {"Netzwerk Sichere Kindheit", "Bündnis für Familie",
                                                          "Forum Ehrenamt"}
    assert groups(facts_of, text) == {("AG Schulweg", "Präventionsrat")}


def test_the_local_agenda_is_no_working_group_of_the_council(facts_of):
    text = "Der Umweltausschuss hört die Lokale Agenda 21 an und bildet die AG Bachlauf."
    assert groups(facts_of, text) == {("AG Bachlauf", "Umweltausschuss")}


def test_the_working_groups_of_a_local_agenda_belong_to_it_when_no_council_body_is_named(facts_of):
    text = ("Die Lokale Agenda 21 lud im Herbst ein. Dabei bildeten sich drei Arbeitskreise (Wasser, Wald und "
            "Wohnen). Die Lokale Agenda 21 trifft sich jährlich.")
    assert groups(facts_of, text) == {("Arbeitskreis Wasser", "Lokale Agenda 21"),
                                      ("Arbeitskreis Wald", "Lokale Agenda 21"),
                                      ("Arbeitskreis Wohnen", "Lokale Agenda 21")}
