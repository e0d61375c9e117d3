"""Word alternations that the regex engine can dismiss quickly.

Python's engine tries every alternative of ``\\b(?:getagt|tagte|...)`` at every position; with ``re.I`` it
cannot even skip an alternative by its first letter. A lookahead of the alternatives' first letters turns
most positions away with one test and leaves the matches as they were."""

from __future__ import annotations


def any_of(alternatives: tuple[str, ...]) -> str:
    """``(?=[first letters])(?:a|b|...)``: each alternative must begin with a plain letter (no escape, class
    or group), so that the lookahead holds wherever the alternation can match. The flags (``re.I``) of the
    pattern it goes into apply to both."""
    firsts = {a[:1] for a in alternatives}
    if not all(f.isalpha() for f in firsts):
        raise ValueError(f"every alternative must begin with a letter: {alternatives}")
    return "(?=[" + "".join(sorted(firsts)) + "])(?:" + "|".join(alternatives) + ")"
