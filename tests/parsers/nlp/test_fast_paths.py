"""The shortcuts that keep extraction fast find exactly what the plain patterns find."""

import random
import re

import pytest

from ratsinfo.parsers.nlp.rules import COMPOSED_OF, composition_heads


def test_composition_heads_are_the_spans_of_the_plain_lazy_pattern():
    plain = re.compile(r"(?P<who>[^\n.]*?)" + COMPOSED_OF.pattern)
    pieces = ["setzt sich zusammen aus", "setzt  sich wie folgt zusammen aus", "gehören an", "besteht aus",
              "gehören folgende Mitglieder an", ":", " :", ".", "\n", " ", "x", "Der Beirat ", "besteht", "\n:"]
    rng = random.Random(18)
    for _ in range(5000):
        seg = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert list(composition_heads(seg)) == [(m.start(), m.end()) for m in plain.finditer(seg)], seg


def test_the_role_pattern_finds_what_the_plain_alternation_of_its_words_finds():
    from ratsinfo.parsers.nlp.persons import NAME, _data, _patterns, _roles

    data = _data()
    suffixes = "|".join(sorted(data["role_suffixes"], key=len, reverse=True))
    roles = "|".join(re.escape(r) for r in _roles()) + "|" + "|".join(
        sorted((r.capitalize() for r in data["role_suffixes"]), key=len, reverse=True))
    abbr = "|".join(re.escape(a) for a in sorted(data["abbreviations"], key=len, reverse=True))
    mods = "|".join(re.escape(m) for m in sorted(data["role_modifiers"], key=len, reverse=True))
    role = (r"(?:(?:" + mods + r")[ \t]+)?(?:" + roles + r"|[A-ZÄÖÜ][a-zäöüß]*(?:" + suffixes + r")|(?<![\w.])(?:"
            + abbr + r"))")
    plain = re.compile(r"(?:(?P<hon>Herrn?|Frau)[ \t]+)?(?P<role>" + role + r")(?:[ \t]+(?P<role2>" + role
                       + r"))?[ \t]+(?P<name>" + NAME + r")(?![\w-])")
    words = [*data["roles"], *data["abbreviations"], *(s.capitalize() for s in data["role_suffixes"]),
             *(f"Fach{s}" for s in data["role_suffixes"]), *(f"Xy{s}chen" for s in data["role_suffixes"])]
    text = " ".join(f"{m} {w} Anna Beispiel, Herr {w} Karl Muster und{w} Probe.\n{w}-{w} Lea" for m in
                    ("", *data["role_modifiers"]) for w in words)
    found = [(m.span(), m.groupdict()) for m in _patterns()[0].finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
    assert len(found) >= len(words)


def test_an_alternation_behind_its_first_letters_matches_what_the_plain_one_matches():
    from ratsinfo.parsers.nlp.alternation import any_of

    words = ("getagt", "tagte", r"kam\w*", "statt", "stattgefunden", "Sitzung", "Zusammenk")
    text = ("Er GETAGT, ſtatt kamen KAM Sitzung sitzungen SITZUNG tagte\nstattgefunden zusammenkünfte "
            "Tagte 3mal kam. Stattgefunden; Zusammenkunft")
    for flags in (0, re.I):
        fast = re.compile(r"\b" + any_of(words) + r"\b", flags)
        plain = re.compile(r"\b(?:" + "|".join(words) + r")\b", flags)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(list(re.finditer(any_of(words), text, re.I))) >= 12


def test_an_alternation_whose_first_letter_is_a_pattern_is_refused():
    from ratsinfo.parsers.nlp.alternation import any_of

    with pytest.raises(ValueError):
        any_of(("tagt", r"\w+mal"))


def test_each_person_pattern_holds_a_word_without_which_a_text_is_not_searched():
    from ratsinfo.parsers.nlp.persons import _NEEDS

    text = ("Die Mitglieder des Beirates Anna Beispiel, Karl Muster und Paula Probe stimmen zu. Herr Lehmann von der "
            "CDU-Fraktion fragt. Dann wird Ratsherr Otto Sommer zum stellvertretenden Vorsitzenden gewählt. "
            "Als Sprecher wurde Jan Winter gewählt, als Vertreterin Lea Herbst. Als Schriftführerin Eva Nord. "
            "Seit Mai ist Lea Herbst die neue Vorsitzende.")
    for rx, words in _NEEDS.items():
        matches = list(rx.finditer(text))
        assert matches, rx.pattern[:40]
        assert all(any(w in m.group(0) for w in words) for m in matches)


def test_every_list_heading_is_seen_by_the_search_that_lets_a_text_be_read_for_lists():
    from ratsinfo.parsers.nlp.attendance import _heading_words, _labels, heading

    assert len(_labels()) >= 40
    for label in (*_labels(), "Beiratsmitglieder", "Schriftführer/in", "TeilnehmerInnen", "Anwesend sind"):
        line = f"\n• {label}:\n"
        assert _heading_words().search(line), label
        assert heading(line.strip())[0], label


def test_each_prose_rule_holds_a_word_without_which_a_sentence_is_not_searched():
    from ratsinfo.parsers.nlp.rules import _FOUNDED, _FOUNDED_WORDS, _PROSE_WORDS, PROSE_RULES

    samples = {
        "composition": ["Der Beirat besteht aus 15 gewählten Mitgliedern.", "das aus elf Personen bestehende Gremium",
                        "Seine zwanzig Mitglieder tagen.", "umfasst sieben Sachverständige", "aus drei Vertretern"],
        "term_of_office": ["für die Dauer von fünf Jahren", "Alle 5 Jahre werden sie berufen",
                           "Die Wahlzeit beträgt vier Jahre"],
        "minimum_age": ["die das 60. Lebensjahr vollendet haben"],
        "chairs": ["wählt aus seiner Mitte eine Vorsitzende", "Vorsitzender des Ortsrates ist der Ortsvorsteher.",
                   "Den Vorsitz führt die Bürgermeisterin."],
        "deputies": ["sowie drei gleichberechtigte Stellvertreter", "eine/n Stellvertreter/in"],
        "public": ["Die Sitzungen sind öffentlich.", "Sie tagen grundsätzlich nicht öffentlich."],
    }
    for rule, rx, _unit in PROSE_RULES:
        for sample in samples[rule]:
            m = rx.search(sample)
            assert m is not None, (rule, sample)
            assert any(w in m.group(0) for w in _PROSE_WORDS[rule]), (rule, sample)
    for sample in ("wurde 1994 gegründet", "gründeten sie", "wurde eingerichtet", "wurde gebildet",
                   "ins Leben gerufen", "hat sich formiert", "hat seine Arbeit aufgenommen", "konstituierte sich"):
        m = _FOUNDED.search(sample)
        assert m is not None and any(w in m.group(0) for w in _FOUNDED_WORDS), sample


def test_theme_cues_and_set_ups_hold_a_word_without_which_a_text_is_not_searched():
    from ratsinfo.parsers.nlp.decisions import _SET_UP, _SET_UP_VERBS
    from ratsinfo.parsers.nlp.inline_topics import _CUE_WORDS, _CUES

    for sample in ("hat sich mit folgenden Themen beschäftigt: Schulwege", "diskutiert Fragen der Prävention",
                   "erörterte u. a. Themen zur Pflege", "setzte Schwerpunkte im Bereich Nahverkehr",
                   "Ideen, wie z. B. Bürgerbus", "Themen wie Verkehr"):
        m = _CUES.search(sample)
        assert m is not None and any(w in m.group(0) for w in _CUE_WORDS), sample
    for sample in ("beschließt, einen Seniorenbeirat einzurichten", "Es wird ein Integrationsrat gebildet",
                   "Es soll einen Inklusionsbeirat geben", "einen Arbeitskreis zu gründen",
                   "eine Arbeitsgruppe zu bilden"):
        m = _SET_UP.search(sample)
        assert m is not None and any(w in m.group(0) for w in _SET_UP_VERBS), sample
