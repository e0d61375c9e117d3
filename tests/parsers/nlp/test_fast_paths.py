"""The shortcuts that keep extraction fast find exactly what the plain patterns find."""

import random
import re

from ratsinfo.parsers.nlp.rules import COMPOSED_OF, composition_heads


def test_composition_heads_are_the_spans_of_the_plain_lazy_pattern():
    plain = re.compile(r"(?P<who>[^\n.]*?)" + COMPOSED_OF.pattern)
    pieces = ["setzt sich zusammen aus", "setzt  sich wie folgt zusammen aus", "gehören an", "besteht aus",
              "gehören folgende Mitglieder an", ":", " :", ".", "\n", " ", "x", "Der Beirat ", "besteht", "\n:"]
    rng = random.Random(18)
    for _ in range(5000):
        seg = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert list(composition_heads(seg)) == [(m.start(), m.end()) for m in plain.finditer(seg)], seg


def test_the_role_pattern_with_its_lookahead_finds_what_it_finds_without():
    from ratsinfo.parsers.nlp.persons import _data, _patterns

    before = _patterns()[0]
    lookahead = re.match(r"\(\?=\[[^\]]*\]\)", before.pattern)
    assert lookahead is not None
    plain = re.compile(before.pattern[lookahead.end():])
    data = _data()
    words = [*data["roles"], *data["abbreviations"], *(s.capitalize() for s in data["role_suffixes"])]
    text = " ".join(f"{m} {w} Anna Beispiel, Herr {w} Karl Muster und {w} Probe." for m in
                    ("", *data["role_modifiers"]) for w in words)
    found = [(m.span(), m.groupdict()) for m in before.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
    assert len(found) >= len(words)
