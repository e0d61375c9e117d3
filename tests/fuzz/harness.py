"""What every fuzz test checks: the call ends within a time budget and raises nothing but the
project's own errors; plus the inputs: random bytes, random JSON, and mutations of real documents."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from ratsinfo.errors import BadInput, ParseError

SECONDS = 5.0  # one call; the slowest real page parses in well under a second
ALLOWED = (ParseError, BadInput)


def survives(fn: Callable[..., Any], *args: Any) -> Any:
    """Call ``fn``; only the project's own errors may come out, and only within the budget."""
    started = time.monotonic()
    try:
        return fn(*args)
    except ALLOWED:
        return None
    finally:
        took = time.monotonic() - started
        assert took < SECONDS, f"{getattr(fn, '__name__', fn)} took {took:.1f} s"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=6),
    max_leaves=12)

OPARL_KEYS = ["id", "type", "name", "shortName", "reference", "title", "role", "person", "organization", "meeting",
              "paper", "membership", "agendaItem", "consultation", "mainFile", "auxiliaryFile", "invitation",
              "location", "start", "end", "date", "modified", "deleted", "number", "public", "result", "mimeType",
              "accessUrl", "downloadUrl", "size", "web", "originatorPerson", "originatorOrganization",
              "underDirectionOf", "relatedPaper", "subOrganizationOf", "givenName", "familyName", "order", "text"]
OPARL_TYPES = ["Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper", "Consultation",
               "File", "System", "Location"]

oparl_objects = st.builds(
    lambda head, rest: {**rest, **head},
    st.fixed_dictionaries({
        "id": st.one_of(st.just("https://x.example/oparl/o/1"), json_values),
        "type": st.one_of(st.sampled_from(OPARL_TYPES).map(lambda t: f"https://schema.oparl.org/1.1/{t}"),
                          json_values)}),
    st.dictionaries(st.sampled_from(OPARL_KEYS[2:]), json_values, max_size=8))


@st.composite
def mutated(draw: st.DrawFn, originals: list[bytes]) -> bytes:
    """A real document, cut, spliced, with bytes flipped or repeated: the shapes damage takes."""
    data = bytearray(draw(st.sampled_from(originals)))
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "cut", "insert", "repeat", "truncate"]))
        if op == "flip":
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at: at + draw(st.integers(1, 200))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40) | st.sampled_from(
                [b"<div>" * 50, b"[" * 50, b"\x00\xff\xfe", b"<![CDATA[", b"<!--", b'"\\u00', b"\xc3"]))
        elif op == "repeat":
            data[at:at] = bytes(data[at: at + 100]) * draw(st.integers(2, 20))
        else:
            del data[at:]
    return bytes(data)


@lru_cache(maxsize=32)
def corpus_files(root: Path, pattern: str, limit: int = 40) -> list[bytes]:
    files = sorted(p for p in root.rglob(pattern) if p.is_file())
    return [p.read_bytes()[:200_000] for p in files[:limit]]


@lru_cache(maxsize=4)
def corpus_json(root: Path) -> list[Any]:
    out = []
    for raw in corpus_files(root / "oparl-real", "*.json") + corpus_files(root / "oparl-spec", "*.json"):
        try:
            out.append(json.loads(raw))
        except ValueError:
            continue
    return out
