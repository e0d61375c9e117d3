"""`ratsinfo ask`: map a German inquiry question to a canned query and draft an answer.

Each finding becomes one German sentence followed by its source (paper reference, URL or
file). A question no canned query fits gets an honest "no canned answer" and the best
full-text hits instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import duckdb

from ratsinfo import queries
from ratsinfo.parsers.nlp.numbers import YEAR
from ratsinfo.parsers.nlp.pipeline import analyse
from ratsinfo.queries import ask_facts, kept
from ratsinfo.queries.names import councils_matching, name_stem, organization_councils, resolve
from ratsinfo.warehouse import reads
from ratsinfo.warehouse.pages import pages_exist
from ratsinfo.warehouse.search import index_exists, search

COUNT = re.compile(r"\bwie\s+(?:viele|oft|häufig|viel\s+Mal)\b|\bAnzahl\b", re.I)
THEMES = re.compile(r"\b(?:Themen|Thema|Inhalte|Schwerpunkte|Tagesordnung\w*|befass\w*|beschäftig\w*|behandel\w*|"
                    r"beraten|berät|beriet\w*|womit|worüber)\b", re.I)
GROUPS = re.compile(r"\b(?:Arbeitsgruppen?|Arbeitskreise?n?|AGs?|Unterarbeitsgruppen?|Projektgruppen?)\b")
RULES = re.compile(r"\b(?:Regel\w*|Geschäftsordnung|Satzung|Frist\w*|Einladung\w*|Niederschrift\w*|Protokoll\w*|"
                   r"öffentlich\w*|Verschwiegenheit|Vorsitz\w*|Zusammensetzung|zusammen\s*gesetzt)\b", re.I)
BY_RULES = re.compile(r"\b(?:laut|nach\s+(?:der|seiner|ihrer)|gemäß)\s+(?:Geschäftsordnung|Satzung)|\bvorgesehen\b"
                      r"|\bsoll(?:en)?\b", re.I)
ANSWERED = re.compile(r"\b(?:geantwortet|beantwortet|Antwort|antwortet\w*)\b", re.I)
BOTH = re.compile(r"\b(?:beiden|beide|diesen|diese|genannten)\s+(?:Gremien|Gremium|Organisationen|Einrichtungen)\b",
                  re.I)
RULE_WORDS = {"per_year": "pro Jahr", "upper_bound": "höchstens pro Jahr", "at_least": "mindestens pro Jahr"}
REFERENCE = re.compile(r"\b((?:[A-ZÄÖÜ]{1,5}-){0,3}[A-ZÄÖÜ]{0,5}-?\d{1,6}(?:[-/][A-Za-z0-9ÄÖÜ]{1,6})+)\b")
STOP_CAPS = {"Wie", "Welche", "Welcher", "Welches", "Was", "Wer", "Wann", "Wo", "Warum", "Gibt", "Ist", "Sind",
             "Hat", "Haben", "Jahr", "Jahren", "Themen", "Thema", "Sitzungen", "Sitzung", "Schwerpunkte",
             "Stadtverwaltung", "Verwaltung", "Stadt", "Zusammenarbeit", "Inhalte", "Gremien", "Gremium"}


@dataclass
class Answer:
    question: str
    query: str | None
    params: dict[str, Any] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.sentences)

    def as_json(self) -> dict[str, Any]:
        return {"question": self.question, "query": self.query, "params": self.params, "rows": self.rows,
                "text": self.text}


def _orgs_in(con: duckdb.DuckDBPyConnection, question: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(subjects, owners) named in the question; "Sitzungen des Führungsstabes des KPR": KPR owns."""
    found: list[tuple[int, int, list[tuple[str, str]]]] = []
    doc = analyse(question)
    mentions, _ = doc._.orgs
    for m in mentions:
        hits = resolve(con, m.display) or resolve(con, question[m.start:m.end])
        if hits:
            found.append((m.start, m.end, hits))
    taken = [(a, b) for a, b, _ in found]
    for w in re.finditer(r"\b[A-ZÄÖÜ][\wäöüß\-]+\s+[A-ZÄÖÜ][\wäöüß\-]+\b", question):  # "Gemeindevertretung Humptrup"
        if any(a < w.end() and w.start() < b for a, b in taken):
            continue
        hits = resolve(con, w.group(0))
        if hits:
            found.append((w.start(), w.end(), hits))
            taken.append((w.start(), w.end()))
    for w in re.finditer(r"\b[A-ZÄÖÜ][\wäöüß\-]+\b", question):
        if w.group(0) in STOP_CAPS or any(a <= w.start() < b for a, b in taken):
            continue
        hits = resolve(con, w.group(0))
        if hits:
            found.append((w.start(), w.end(), hits))
    found.sort()
    subjects: list[tuple[str, str]] = []
    owners: list[tuple[str, str]] = []
    for i, (a, _b, hits) in enumerate(found):
        prev_end = found[i - 1][1] if i else None
        is_owner = prev_end is not None and re.fullmatch(r"\s*(?:des|der)\s*", question[prev_end:a]) is not None
        target = owners if is_owner else subjects
        for h in hits:
            if h not in target:
                target.append(h)
    return subjects, owners


def _context_orgs(con: duckdb.DuckDBPyConnection, question: str) -> list[tuple[str, str]]:
    """"in beiden Gremien": the bodies the previous question of the same inquiry named."""
    want = name_stem(question)
    for paper_key, number, text in reads.questions(con):
        if name_stem(text) == want and number > 1:
            prev = reads.question_text(con, paper_key, number - 1)
            if prev:
                return _orgs_in(con, prev)[0]
    return []


PLACE = re.compile(r"\b(?:in|im|der|des|für|von)\s+(?:(?:der|dem)\s+)?"
                   r"(?P<place>(?:(?:Landeshauptstadt|Hansestadt|Stadt|Gemeinde|Landkreis|Kreis|Samtgemeinde|Verbandsgemeinde)\s+)?[A-ZÄÖÜ][\wäöüß\-]+"
                   r"(?:\s+(?:am|an\s+der|im)\s+[A-ZÄÖÜ][\wäöüß\-]+)?)")


def council_in(con: duckdb.DuckDBPyConnection, question: str) -> str | None:
    """The council a question names ("in Musterstadt", "der Stadt Musterstadt"), if one on record matches."""
    for m in PLACE.finditer(question):
        place = m.group("place")
        if place.split()[-1] in STOP_CAPS:
            continue
        if councils_matching(con, place):
            return place
    return None


def _in_council(con: duckdb.DuckDBPyConnection, orgs: list[tuple[str, str]], council: str | None
                ) -> list[tuple[str, str]]:
    if not council or not orgs:
        return orgs
    wanted = set(councils_matching(con, council))
    of = organization_councils(con, _keys(orgs))
    return [o for o in orgs if of.get(o[0]) in wanted]


def ask(con: duckdb.DuckDBPyConnection, question: str, council: str | None = None) -> Answer:
    """Answer from the council the caller names or the question names; bodies of other councils never answer."""
    q = " ".join(question.split())
    year_m = YEAR.search(q)
    year = int(year_m.group(1)) if year_m else None
    ref = REFERENCE.search(q)
    if ref and ANSWERED.search(q):
        return _answers(con, q, ref.group(1))
    council = council or council_in(con, q)
    subjects, owners = _orgs_in(con, q)
    if not subjects and BOTH.search(q):
        subjects = _context_orgs(con, q)
    if council:
        subjects, owners = _in_council(con, subjects, council), _in_council(con, owners, council)
        if not (subjects or owners) and (COUNT.search(q) or RULES.search(q) or THEMES.search(q)):
            ans = Answer(q, None, {"council": council})
            ans.sentences.append(f"Zu diesem Gremium in {council} liegen keine Angaben vor.")
            return ans
    ans = _dispatch(con, q, subjects, owners, year, council)
    if council:
        ans.params["council"] = council
    return ans


def _dispatch(con: duckdb.DuckDBPyConnection, q: str, subjects: list[tuple[str, str]],
              owners: list[tuple[str, str]], year: int | None, council: str | None) -> Answer:
    groups_themselves = subjects and not owners and all(
        k == "working_group" for k in reads.organization_kinds(con, _keys(subjects)).values())
    if groups_themselves and THEMES.search(q):  # "Womit befasst sich die AG Schulwege?": its own themes
        return _topics(con, q, subjects, year, council)
    if GROUPS.search(q) and (THEMES.search(q) or re.search(r"\bwelche\b", q, re.I)) and not COUNT.search(q):
        parents = owners or subjects
        return _working_groups(con, q, parents, year, council)
    orgs = subjects or owners
    kind = ask_facts.intent(q)
    if orgs and (kind or (COUNT.search(q) and not year)):
        found = _from_facts(con, q, kind or "count", orgs, year, council)
        if found is not None:
            return found
    if COUNT.search(q) and BY_RULES.search(q) and (subjects or owners):
        return _rules(con, q, subjects or owners, council)
    if COUNT.search(q) and (subjects or owners):
        return _sessions(con, q, subjects or owners, year, council)
    if RULES.search(q) and (subjects or owners):
        return _rules(con, q, subjects or owners, council)
    if THEMES.search(q) and (subjects or owners):
        return _topics(con, q, subjects or owners, year, council)
    return _no_answer(con, q)


def _from_facts(con: duckdb.DuckDBPyConnection, q: str, kind: str, orgs: list[tuple[str, str]], year: int | None,
                council: str | None) -> Answer | None:
    """Facts read from documents, each quoted; None lets the session calendar answer a count."""
    sentences, rows, label = ask_facts.answer(con, kind, _keys(orgs), council, year)
    ans = Answer(q, "body-facts", {"organization": _keys(orgs), "kind": None, "council": council})
    ans.rows = [{**{k: v for k, v in r.items() if k not in ("document_head", "context", "context_start")},
                 "sentence": ask_facts.sentence_of(r)} for r in rows]
    if sentences:
        ans.sentences = [s if s.endswith(")") else s + "." for s in sentences]
        return ans
    if kind == "count":
        return None
    ans.sentences.append(f"Zu {', '.join(f'„{n}“' for _, n in orgs)} liegen keine {label} vor.")
    return ans


def _src(row: dict[str, Any]) -> str:
    sources = row.get("sources") or ([row["source"]] if row.get("source") else [])
    return f" (Quelle: {', '.join(sources)})" if sources else ""


def _run(con: duckdb.DuckDBPyConnection, ans: Answer) -> None:
    cols, rows = queries.run_bound(con, ans.query or "", ans.params)
    ans.columns = cols
    ans.rows = [dict(zip(cols, r, strict=False)) for r in rows]


def _named(ans: Answer, row: dict[str, Any], name_field: str) -> str:
    """„Jugendhilfeausschuss“, with its council when one was asked for or the rows come from several."""
    name = f"„{row[name_field]}“"
    several = len({r.get("council") for r in ans.rows}) > 1
    if (several or ans.params.get("council")) and row.get("council"):
        name += f" ({row['council']})"
    return name


def _keys(orgs: list[tuple[str, str]]) -> list[str]:
    return [k for k, _ in orgs]


def _sessions(con: duckdb.DuckDBPyConnection, q: str, orgs: list[tuple[str, str]], year: int | None,
              council: str | None = None) -> Answer:
    ans = Answer(q, "sessions-per-year", {"organization": _keys(orgs), "year": year, "council": council})
    _run(con, ans)
    for r in ans.rows:
        when = f"Im Jahr {r['year']}" if r["year"] else "Insgesamt"
        verb, noun = ("fand", "Sitzung") if r["sessions"] == 1 else ("fanden", "Sitzungen")
        line = f"{_named(ans, r, 'organization')}: {when} {verb} {r['sessions']} {noun} statt"
        if r.get("meetings"):
            line += f" ({', '.join(r['meetings'])})"
        basis = {"records": "laut Sitzungskalender", "text": "laut Angaben im Text",
                 "both": "laut Sitzungskalender und Text"}[r["basis"]]
        line += f", {basis}"
        if r.get("rule"):
            rule = r["rule"]
            for k, v in RULE_WORDS.items():
                rule = rule.replace(k, v)
            line += f"; vorgesehen sind {rule}"
        line += "." + _src(r)
        if r.get("disagree"):
            line += f" Achtung: Sitzungskalender ({r['on_record']}) und Text ({r['in_text']}) weichen voneinander ab."
        ans.sentences.append(line)
    if not ans.rows:
        ans.sentences.append(_nothing(orgs, year))
        _rules_hint(con, ans, orgs)
    elif THEMES.search(q) and year:
        _grouped_themes(con, ans, orgs, year, council)
    return ans


def _grouped_themes(con: duckdb.DuckDBPyConnection, ans: Answer, orgs: list[tuple[str, str]], year: int,
                    council: str | None = None) -> bool:
    """The agenda of a year grouped by policy area ("Schwerpunkte: Verkehr … 31 Tagesordnungspunkte in 9 Sitzungen"),
    each with an example and its source; False when no agenda item on record has a theme."""
    from ratsinfo.themes.answer import answer as grouped

    cols, rows = queries.run_bound(con, "themes", {"organization": _keys(orgs), "year": year, "council": council})
    if not rows:
        return False
    ans.sentences.append(grouped(cols, rows))
    return True


def _rules_hint(con: duckdb.DuckDBPyConnection, ans: Answer, orgs: list[tuple[str, str]]) -> None:
    for subject, n, qual, source in reads.frequency_counts(con, _keys(orgs)):
        word = {"per_year": "", "upper_bound": "höchstens ", "at_least": "mindestens "}[qual]
        ans.sentences.append(f"„{subject}“ tagt laut Text {word}{n}-mal im Jahr (Quelle: {source}).")


def _nothing(orgs: list[tuple[str, str]], year: int | None) -> str:
    names = ", ".join(f"„{n}“" for _, n in orgs)
    return f"Zu {names}{f' im Jahr {year}' if year else ''} liegen keine Sitzungsangaben vor."


def _quoted_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**{k: v for k, v in r.items() if k not in ("document_head", "context", "context_start")},
             "sentence": ask_facts.sentence_of(r)} for r in rows]


def _topics(con: duckdb.DuckDBPyConnection, q: str, orgs: list[tuple[str, str]], year: int | None,
            council: str | None = None) -> Answer:
    ans = Answer(q, "topics", {"organization": _keys(orgs), "from": year, "to": year, "council": council})
    if year and _grouped_themes(con, ans, orgs, year, council):
        ans.query, ans.params = "themes", {"organization": _keys(orgs), "year": year, "council": council}
        return ans
    read = ask_facts.facts(con, _keys(orgs), "topic", council)
    quoted = ask_facts.themes(read, year, council)
    if quoted:  # themes read in documents, each quoted; the agenda on record of other sources beside them
        cited = {r["source"] for r in read}
        _run(con, ans)
        ans.rows = [r for r in ans.rows if not set(r.get("sources") or []) <= cited]
        ans.query, ans.params = "body-facts", {"organization": _keys(orgs), "kind": "topic", "council": council}
        ans.sentences = [s + "." if not s.endswith(")") else s for s in quoted]
        ans.rows = _quoted_rows(read) + ans.rows
    else:
        _run(con, ans)
    for r in [r for r in ans.rows if "themes" in r]:
        when = f" im Jahr {r['year']}" if r["year"] else ""
        themes = "; ".join(r["themes"])
        ans.sentences.append(f"{_named(ans, r, 'organization')} behandelte{when} folgende Themen: {themes}." + _src(r))
    if not ans.rows:
        ans.sentences.append(f"Zu {', '.join(f'„{n}“' for _, n in orgs)} sind keine Themen erfasst.")
    return ans


def _working_groups(con: duckdb.DuckDBPyConnection, q: str, parents: list[tuple[str, str]], year: int | None,
                    council: str | None = None) -> Answer:
    keys = reads.working_groups(con, _keys(parents) or None, council)
    read = ask_facts.facts(con, keys, None, council) if keys else []
    named = [r for r in read if r["kind"] == "working_group"]
    if named:  # where the documents name each group, quoted with its focus topics
        ans = Answer(q, "body-facts", {"organization": keys, "kind": "working_group", "council": council})
        focus = [r for r in read if r["kind"] == "topic" and (not year or r["year"] in (year, None))]
        ans.sentences = ask_facts.working_groups(named, focus, council)
        ans.rows = _quoted_rows(named + focus)
        return ans
    ans = Answer(q, "working-groups", {"organization": _keys(parents) or None, "year": year, "council": council})
    _run(con, ans)
    for r in ans.rows:
        under = f" (unter „{r['parent']}“)" if r.get("parent") else ""
        when = f" {r['year']}" if r.get("year") else ""
        topics = "; ".join(r["focus_topics"] or [])
        ans.sentences.append(f"„{r['working_group']}“{under} bearbeitete{when} folgende Schwerpunkte: {topics}."
                             + _src(r) if topics else f"„{r['working_group']}“{under}: keine Schwerpunkte erfasst."
                             + _src(r))
    if not ans.rows:
        ans.sentences.append("Es sind keine Arbeitsgruppen erfasst.")
    return ans


def _rules(con: duckdb.DuckDBPyConnection, q: str, orgs: list[tuple[str, str]], council: str | None = None
           ) -> Answer:
    ans = Answer(q, "rules", {"organization": _keys(orgs), "council": council})
    _run(con, ans)
    labels = {"meeting_frequency": "Sitzungshäufigkeit", "agenda_deadline": "Frist für Tagesordnungspunkte",
              "invitation_notice": "Einladungsfrist", "minutes_deadline": "Frist für die Niederschrift",
              "public": "Öffentlichkeit", "confidentiality": "Verschwiegenheit", "chairs": "Vorsitz",
              "composition": "Zusammensetzung"}
    for r in ans.rows:
        line = f"{_named(ans, r, 'organization')} – {labels.get(r['rule'], r['rule'])}: {r['value']}"
        line = line.rstrip(".")
        if r.get("meetings_on_record") and r["rule"] == "meeting_frequency":
            met = {True: "eingehalten", False: "nicht eingehalten", None: "nicht prüfbar"}[r.get("rule_met")]
            held = r["meetings_on_record"]
            held = "keine Sitzungen erfasst" if held == "no meetings on record" else f"Sitzungen je Jahr {held}"
            line += f" ({held}; {met})"
        ans.sentences.append(line + "." + _src(r))
    if not ans.rows:
        ans.sentences.append(f"Zu {', '.join(f'„{n}“' for _, n in orgs)} sind keine Regeln erfasst.")
    return ans


def _answers(con: duckdb.DuckDBPyConnection, q: str, reference: str) -> Answer:
    ans = Answer(q, "answers", {"reference": reference})
    _run(con, ans)
    for r in ans.rows:
        answer = " ".join((r.get("answer") or "noch keine Antwort").split())
        ans.sentences.append(f"Frage {r['number']} ({r['inquiry']}): {r['question']} – Antwort: {answer}"
                             + (f" (Quelle: {r['answered_in']})" if r.get("answered_in") else ""))
    if not ans.rows:
        ans.sentences.append(f"Zu {reference} sind keine Fragen und Antworten erfasst.")
    return ans


def _no_answer(con: duckdb.DuckDBPyConnection, q: str) -> Answer:
    ans = Answer(q, None)
    ans.sentences.append("Keine vorbereitete Abfrage passt zu dieser Frage. Die besten Treffer der Volltextsuche:")
    keeping = kept.current()
    stored = keeping.once("search rows", lambda: index_exists(con) and pages_exist(con)) if keeping else None
    for i, h in enumerate(search(con, q, limit=3, stored=stored), 1):
        ans.rows.append({"type": h.type, "reference": h.reference, "title": h.title, "snippet": h.snippet,
                         "source": h.source, "score": round(h.score, 3)})
        ans.sentences.append(f"{i}. {h.reference or h.title} ({h.type}): {h.snippet}")
    if len(ans.sentences) == 1:
        ans.sentences.append("(keine Treffer)")
    return ans
