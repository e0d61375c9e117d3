"""The digest: German, grouped by watch, singular and plural right, a Message-ID that names its content."""

from __future__ import annotations

from ratsinfo.watches.digest import message_id, render
from ratsinfo.watches.model import Item, Watch


def item(watch_id: int, n: int, kind: str = "paper") -> Item:
    return Item(watch_id, f"k{n}", kind, f"Titel {n}", ["neu eingestellt"], f"https://x.example/{n}",
                [f"7/paper/k{n}/paper_new"], 7)


def test_one_item_is_singular_and_several_are_plural():
    one = render("a@example.org", [(Watch(1, "search", words="Radweg"), [item(1, 1)])], "r@example.org")
    assert one.subject == "ratsinfo: 1 Neuigkeit zu 1 Beobachtung"
    assert "Suche „Radweg“ (Nr. 1, 1 Treffer)" in one.text
    many = render("a@example.org", [(Watch(1, "search", words="Radweg"), [item(1, 1), item(1, 2)]),
                                    (Watch(2, "body", body="Bauausschuss"), [item(2, 3, "meeting"),
                                                                             item(2, 4, "meeting")])],
                  "r@example.org")
    assert many.subject == "ratsinfo: 4 Neuigkeiten zu 2 Beobachtungen"
    assert "(Nr. 1, 2 Treffer)" in many.text and "Gremium „Bauausschuss“ (Nr. 2, 2 Sitzungen)" in many.text
    assert many.text.index("Titel 2") < many.text.index("Bauausschuss") < many.text.index("Titel 3")


def test_each_item_shows_title_what_happened_and_link():
    d = render("a@example.org", [(Watch(5, "paper", label="VO/2024/0001"), [item(5, 1)])], "r@example.org")
    lines = d.text.splitlines()
    i = lines.index("  • Titel 1")
    assert lines[i + 1:i + 3] == ["    neu eingestellt", "    https://x.example/1"]
    assert d.items == [(5, "7/paper/k1/paper_new")]


def test_watches_without_items_are_left_out():
    d = render("a@example.org", [(Watch(1, "search", words="A"), []), (Watch(2, "search", words="B"), [item(2, 1)])],
               "r@example.org")
    assert "„A“" not in d.text and d.subject.endswith("1 Beobachtung")


def test_the_message_id_depends_on_address_and_items_not_their_order():
    items = [(1, "a"), (2, "b")]
    assert message_id("x@example.org", items, "d") == message_id("X@example.org", items[::-1], "d")
    assert message_id("x@example.org", items, "d") != message_id("y@example.org", items, "d")
    assert message_id("x@example.org", items, "d") != message_id("x@example.org", items[:1], "d")
    msg = render("a@example.org", [(Watch(1, "search", words="A"), [item(1, 1)])], "r@rat.example").message(
        "r@rat.example")
    assert msg["Message-ID"].endswith("@rat.example>") and msg["Auto-Submitted"] == "auto-generated"


def test_a_long_watch_shows_the_first_items_and_counts_the_rest():
    from ratsinfo.watches.digest import SHOWN

    d = render("a@example.org", [(Watch(1, "search", words="A"), [item(1, n) for n in range(SHOWN + 3)])],
               "r@example.org")
    assert d.text.count("  • ") == SHOWN and "… und 3 weitere" in d.text
    assert len(d.items) == SHOWN + 3 and f"{SHOWN + 3} Treffer" in d.text  # all are recorded as sent
