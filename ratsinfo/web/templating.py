"""What the pages and feeds share: the Jinja environment (autoescaping on for HTML and XML), URLs for
warehouse keys, German dates, and the two ways text gets marked (search words, a cited span)."""

from __future__ import annotations

import re
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from ratsinfo.web.data import fold_query

HERE = Path(str(resources.files("ratsinfo.web")))
KINDS = {"council": "Rat", "committee": "Ausschuss", "advisory_board": "Beirat", "working_group": "Arbeitsgruppe",
         "faction": "Fraktion", "department": "Verwaltung", "police": "Polizei", "staff": "Stab",
         "conference": "Konferenz"}
TYPES = {"paper": "Vorlage", "answer": "Antwort", "file": "Datei", "agenda_item": "Tagesordnungspunkt"}
RELATIONS = {"answer_to": ("beantwortet", "beantwortet durch"), "amends": ("ändert", "geändert durch"),
             "annex_of": ("Anlage zu", "hat Anlage"), "refers_to": ("verweist auf", "erwähnt in")}


def link(prefix: str, key: str) -> str:
    return prefix + quote(key, safe=":/@")


def qs(**params: Any) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def de_date(value: date | datetime | None, with_time: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime) and with_time:
        return value.strftime("%d.%m.%Y, %H:%M Uhr")
    return value.strftime("%d.%m.%Y")


def highlight(text: str | None, query: str) -> Markup:
    """Escaped text with the query words marked (matched on their first letters, as the stemmer does)."""
    out = escape(text or "")
    stems = sorted({w[: max(4, len(w) - 3)].casefold() for w in re.findall(r"\w{3,}", fold_query(query))},
                   key=len, reverse=True)
    if not stems:
        return out
    pattern = re.compile("|".join(r"(?<![&#\w])" + re.escape(str(escape(s))) + r"\w*" for s in stems), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", str(out)))


def passage(text: str, start: int | None, end: int | None) -> Markup:
    """The document text with [start, end) marked and anchored, everything escaped."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return escape(text)
    return Markup("{}<mark id=\"stelle\" tabindex=\"-1\">{}</mark>{}").format(text[:start], text[start:end],
                                                                              text[end:])


ENV = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(("html", "xml")),
                  trim_blocks=True, lstrip_blocks=True)
ENV.globals.update(link=link, qs=qs, KINDS=KINDS, TYPES=TYPES, RELATIONS=RELATIONS)
ENV.filters.update(de_date=de_date, highlight=highlight)
