"""`ask` about one body from the facts read in documents: how often it meets (so far, per year, by its
rules, at most), when it met first or last, when it was founded, how many members it has, who chairs
it, how long its members serve. Every sentence names its qualifier ("bisher", "laut Geschäftsordnung",
"höchstens"), quotes the sentence of the document it rests on and cites the document.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import duckdb

from ratsinfo import queries

FOUNDED = re.compile(r"\b(?:gegründet|Gründung\w*|eingerichtet|ins\s+Leben\s+gerufen|seit\s+wann\s+(?:gibt|besteht))\b",
                     re.I)
FIRST = re.compile(r"\b(?:zum\s+ersten\s+Mal|erste[nr]?\s+Sitzung|erstmal[si]g?|zuerst)\b", re.I)
LAST = re.compile(r"\b(?:zuletzt|letzte[nr]?\s+Sitzung|zum\s+letzten\s+Mal|jüngste[nr]?\s+Sitzung)\b", re.I)
MEMBERS = re.compile(r"\b(?:Mitglied\w*|besteht|bestehen|zusammengesetzt|Zusammensetzung|wie\s+groß)\b", re.I)
CHAIR = re.compile(r"\b(?:Vorsitz\w*|leitet|geleitet|Leitung|Sprecher\w*)\b", re.I)
TERM = re.compile(r"\b(?:Amtszeit|Wahlzeit|Wahlperiode|Amtsdauer|Berufungszeit|für\s+wie\s+lange|wie\s+lange)\b", re.I)
RULES_DOC = re.compile(r"Geschäftsordnung|Satzung|Richtlinie|Hauptsatzung|Ordnung\s+für", re.I)
BOUND = re.compile(r"\b(?:maximal|höchstens|bis\s+zu)\b", re.I)
LEAST = re.compile(r"\bmindestens\b", re.I)

TIMES = {1: "einmal", 2: "zweimal", 3: "dreimal", 4: "viermal", 5: "fünfmal", 6: "sechsmal", 7: "siebenmal",
         8: "achtmal", 9: "neunmal", 10: "zehnmal", 11: "elfmal", 12: "zwölfmal"}
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")


def intent(question: str) -> str | None:
    """Which fact a question about a body asks for, or None when another path answers it."""
    if FOUNDED.search(question):
        return "founded"
    if FIRST.search(question):
        return "first"
    if LAST.search(question):
        return "last"
    if TERM.search(question):
        return "term"
    if CHAIR.search(question):
        return "chair"
    if re.search(r"\bwie\s+viele\s+Mitglieder\b|\baus\s+wie\s+vielen\b|\bwie\s+groß\b", question, re.I) or (
            MEMBERS.search(question) and re.search(r"\bwie\s+viele\b", question, re.I)):
        return "members"
    return None


def facts(con: duckdb.DuckDBPyConnection, keys: list[str], kind: str | None, council: str | None) -> list[dict]:
    cols, rows = queries.run_bound(con, "body-facts", {"organization": keys, "kind": kind, "council": council})
    return [dict(zip(cols, r, strict=False)) for r in rows]


_STOP = re.compile(r"(?<![\s(][A-Za-zäöü])(?<!^[A-Za-zäöü])(?<!\b\d)(?<!\b\d\d)(?<!\b\d\d\d)(?<!bzw)(?<!ca)(?<!Nr)"
                   r"(?<!Abs)(?<!gem)(?<!vgl)(?<!Dr)(?<!ggf)(?<!evtl)(?<!inkl)(?<!Str)(?<!Vors)[.!?](?=\s|$)"
                   r"|\n\s*\n|\n(?=\s*[-•*]|\s*\d+\.\s)")


_ITEM = re.compile(r"\s*(?:[-•*\u2022\uf0b7]|\d+[.)])\s")


def sentence_of(row: dict[str, Any]) -> str:
    """The whole sentence of the document around the fact's words (a count is read from a few words:
    "viermal", the sentence says who meets how often)."""
    found = row.get("sentence") or ""
    context, start, end = row.get("context"), row.get("start"), row.get("end")
    if not context or start is None or end is None:
        return " ".join(found.split())
    a, b = start - (row.get("context_start") or 0), end - (row.get("context_start") or 0)
    if not (0 <= a <= b <= len(context)):
        return " ".join(found.split())
    stops = [m.end() for m in _STOP.finditer(context, 0, a)]
    head = stops[-1] if stops else 0
    while (nl := context.find("\n", head, a)) != -1 and _ITEM.match(context, head, nl + 1):
        head = nl + 1  # a list item above the sentence is not part of it
    tail = _STOP.search(context, max(a, b - 1))
    text = context[head:tail.end() if tail else len(context)]
    return " ".join(text.split()).strip(" -•*„“\"")


def quote(row: dict[str, Any]) -> str:
    """The document's sentence in German quotes, then its source."""
    return f" – „{sentence_of(row)}“ (Quelle: {row['source']})"


def quotes(rows: list[dict[str, Any]], most: int = 3) -> str:
    """The distinct sentences the rows were read from, in document order, then the source."""
    said: list[str] = []
    for r in sorted(rows, key=lambda r: r.get("start") or 0):
        s = sentence_of(r)
        if s and s not in said and not any(s in x for x in said):
            said = [x for x in said if x not in s] + [s]
    return f" – „{' […] '.join(said[:most])}“ (Quelle: {rows[0]['source']})"


def _by_document(rows: list[dict[str, Any]]) -> dict[tuple, list[dict[str, Any]]]:
    """Rows grouped by body, council and source document, in the order they come (source order)."""
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault((r["organization"], r.get("council"), r["source"]), []).append(r)
    return groups


def _listed(rows: list[dict[str, Any]]) -> str:
    seen: list[str] = []
    for r in sorted(rows, key=lambda r: r.get("start") or 0):
        v = " ".join((r.get("value") or "").split())
        if v and v.casefold() not in (s.casefold() for s in seen):
            seen.append(v)
    return "; ".join(seen)


def themes(rows: list[dict[str, Any]], year: int | None, council: str | None = None) -> list[str]:
    """The themes a body dealt with, per document, in the document's order, quoting where they stand."""
    rows = [r for r in rows if not year or r["year"] in (year, None)]
    out = []
    for group in _by_document(rows).values():
        years = sorted({r["year"] for r in group if r["year"]})
        when = f" im Jahr {years[0]}" if len(years) == 1 else ""
        out.append(f"{named(group[0], rows, council)} befasste sich{when} mit folgenden Themen: {_listed(group)}"
                   + quotes(group))
    return out


def working_groups(named_rows: list[dict[str, Any]], topic_rows: list[dict[str, Any]], council: str | None = None
                   ) -> list[str]:
    """Each working group where the document names it, with its parent and focus topics, quoted."""
    out = []
    for group in _by_document(named_rows).values():
        first = group[0]
        under = f"unter „{first['value']}“" if first.get("value") else None
        focus = [t for t in topic_rows if t["organization"] == first["organization"]
                 and t.get("council") == first.get("council") and t["source"] == first["source"]]
        said = f": Schwerpunkte {_listed(focus)}" if focus else ""
        out.append(f"{named(first, named_rows, council, under)}{said}" + quotes(group + focus))
    return out


def times(n: float | None) -> str:
    k = int(n or 0)
    return TIMES.get(k, f"{k}-mal")


def sessions(k: int) -> str:
    return "1 Sitzung" if k == 1 else f"{k} Sitzungen"


def day(d: date) -> str:
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def when_founded(value: str | None) -> str:
    """'2014-02' -> 'im Februar 2014', '1993' -> 'im Jahr 1993', '2014-02-03' -> 'am 3. Februar 2014'."""
    v = value or ""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
        return "am " + day(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
        return f"im {MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    return f"im Jahr {v}" if re.fullmatch(r"\d{4}", v) else v


def named(row: dict[str, Any], rows: list[dict], council: str | None, also: str | None = None) -> str:
    """„Jugendhilfeausschuss“, with its council when one was asked for or the rows come from several
    (and ``also`` in the same brackets: "unter „Präventionsrat“")."""
    extras = []
    if row.get("council") and (council or len({r.get("council") for r in rows}) > 1):
        extras.append(row["council"])
    if also:
        extras.append(also)
    return f"„{row['organization']}“" + (f" ({', '.join(extras)})" if extras else "")


def how_often(rows: list[dict], year: int | None, council: str | None = None) -> list[str]:
    """Session counts with their qualifier: in a year, so far, by the rules, at most, at least."""
    out = []
    for r in rows:
        name, n, qual = named(r, rows, council), int(r["number"] or 0), r["qualifier"]
        if qual == "exact":
            if year and r["year"] not in (year, None):
                continue
            verb = "fand" if n == 1 else "fanden"
            if r["year"]:
                out.append(f"{name}: Im Jahr {r['year']} {verb} {sessions(n)} statt" + quote(r))
            else:
                out.append(f"{name}: Bisher {verb} {sessions(n)} statt" + quote(r))
            continue
        basis = "laut Geschäftsordnung" if RULES_DOC.search(r.get("document_head") or "") else "laut Text"
        word = {"per_year": "", "upper_bound": "höchstens ", "at_least": "mindestens "}.get(qual, "")
        out.append(f"{name} tagt {basis} {word}{times(n)} im Jahr" + quote(r))
    return out


def answer(con: duckdb.DuckDBPyConnection, kind: str, keys: list[str], council: str | None, year: int | None
           ) -> tuple[list[str], list[dict], str]:
    """(sentences, rows, name of the kind of fact) for one intent; empty sentences when nothing is on record."""
    if kind == "count":
        rows = facts(con, keys, "session_count", council)
        return how_often(rows, year, council), rows, "Sitzungsangaben"
    if kind in ("first", "last"):
        rows = [r for r in facts(con, keys, "meeting", council) if r["date"]]
        if not rows:
            return [], rows, "Sitzungsdaten"
        pick = min(rows, key=lambda r: (r["date"], r["start"] or 0)) if kind == "first" else \
            max(rows, key=lambda r: (r["date"], -(r["start"] or 0)))
        name = named(pick, rows, council)
        if kind == "first" and pick["number"] == 1:
            line = f"{name} kam am {day(pick['date'])} zum ersten Mal zusammen"
        elif kind == "first":
            line = f"Die früheste erfasste Sitzung von {name} fand am {day(pick['date'])} statt"
        else:
            line = f"Die letzte erfasste Sitzung von {name} fand am {day(pick['date'])} statt"
        return [line + quote(pick)], [pick], "Sitzungsdaten"
    qualifier = {"founded": "founding_date", "members": "composition", "chair": "chairs", "term": "term_of_office"}
    rows = [r for r in facts(con, keys, "rule", council) if r["qualifier"] == qualifier[kind]
            or (kind == "chair" and r["qualifier"] == "deputy_chairs")]
    out = []
    for r in rows:
        name, n = named(r, rows, council), int(r["number"] or 0)
        if kind == "founded":
            out.append(f"{name} wurde {when_founded(r['value'])} gegründet" + quote(r))
        elif kind == "members":
            bound = "höchstens " if BOUND.search(sentence_of(r)) else \
                "mindestens " if LEAST.search(sentence_of(r)) else ""
            noun = "Mitglied" if n == 1 else "Mitgliedern"
            out.append(f"{name} besteht laut Text aus {bound}{n} {noun}" + quote(r))
        elif kind == "term":
            out.append(f"Die Amtszeit bei {name} beträgt {n} {'Jahr' if n == 1 else 'Jahre'}" + quote(r))
        else:
            role = "Stellvertretung" if r["qualifier"] == "deputy_chairs" else "Vorsitz"
            out.append(f"{name} – {role}" + quote(r))
    labels = {"founded": "Gründungsangaben", "members": "Angaben zur Zusammensetzung", "chair": "Angaben zum Vorsitz",
              "term": "Angaben zur Amtszeit"}
    return out, rows, labels[kind]
