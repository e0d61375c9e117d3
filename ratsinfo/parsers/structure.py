"""Structure shared by every paper layout: labels, questions and answers, Stammbaum, annexes.

The ALLRIS HTML and text parsers find the raw pieces (label values, sections, Stammbaum
rows); this module turns them into records, so that both layouts agree on what a
paper is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ratsinfo.model import (
    Answer,
    Consultation,
    File,
    Paper,
    PaperRelation,
    Question,
    Records,
    paper_key,
    ref_slug,
)
from ratsinfo.parsers.textutil import squash

# Label spellings across ALLRIS 3, ALLRIS 4 and text exports, mapped to Paper fields.
LABELS: dict[str, str] = {
    "betreff": "name",
    "titel": "name",
    "status": "status",
    "vorlage-art": "paper_type",
    "vorlagen-art": "paper_type",
    "vorlagenart": "paper_type",
    "drucksache-art": "paper_type",
    "drucksachenart": "paper_type",
    "art": "paper_type",
    "einreicher": "originator",
    "einreicher/in": "originator",
    "initiator": "originator",
    "initiator/in": "originator",
    "antragsteller": "originator",
    "antragsteller/in": "originator",
    "verfasser": "originator",
    "verfasser/in": "originator",
    "federführend": "under_direction_of",
    "federführung": "under_direction_of",
    "bezüglich": "related_reference",
    "anlass": "occasion",
    "datum": "date",
    "erstellt": "date",
    "vorlagedatum": "date",
    "beratungsfolge": "consultations",
}

SECTION_NAMES = (
    "Sachverhalt", "Begründung", "Beschlussvorschlag", "Beschluss", "Beschlusstext",
    "Beschlussempfehlung", "Antragstext", "Anfrage", "Antwort", "Anlage/n", "Anlagen",
    "Problembeschreibung", "Finanzielle Auswirkungen", "Stellungnahme",
)

# Roles of a body in a Beratungsfolge, longest first so that they match whole.
CONSULTATION_ROLES = (
    "mündliche Beantwortung", "schriftliche Beantwortung", "Beschlussfassung",
    "Kenntnisnahme", "Vorberatung", "Entscheidung", "Beratung", "Anhörung", "Bestätigung",
    "Information", "Zustimmung", "Empfehlung", "Stellungnahme", "Beantwortung",
)
_ROLE_AT_END = re.compile(
    r"^(?P<org>.+?)\s+(?P<role>" + "|".join(re.escape(r) for r in CONSULTATION_ROLES) + r")"
    r"(?:\s+(?P<rest>.*))?$",
    re.I,
)

_DATE_DE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def parse_date_de(value: str | None) -> date | None:
    if not value:
        return None
    m = _DATE_DE.search(value)
    if m:
        d, mth, y = (int(x) for x in m.groups())
        try:
            return date(y, mth, d)
        except ValueError:
            return None
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", value)
    if m:
        try:
            return date(*(int(x) for x in m.groups()))
        except ValueError:
            return None
    return None


def split_consultation(line: str) -> tuple[str, str | None]:
    """'Ratsversammlung mündliche Beantwortung' -> ('Ratsversammlung', 'mündliche Beantwortung')."""
    line = squash(line)
    m = _ROLE_AT_END.match(line)
    if m:
        return m.group("org").strip(" ,;:"), m.group("role")
    return line, None


# --- numbered questions and their answers -------------------------------------------------

_NUMBERED = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]+(\S.*)$", re.M)


@dataclass(slots=True)
class QA:
    number: int
    question: str
    q_start: int
    q_end: int
    answer: str
    a_start: int
    a_end: int


def extract_questions(text: str) -> list[QA]:
    """The numbered questions of an inquiry (1., 2., ...) and the text up to the next one.

    A question is a numbered paragraph that ends with '?' within three lines; numbering
    must run 1, 2, 3 ... so that numbered headings inside an answer ("40.
    Sicherheitskonferenz") are read as answer text.
    """
    found: list[tuple[int, int, int, str]] = []  # number, start, end, text
    expected = 1
    for m in _NUMBERED.finditer(text):
        number = int(m.group(1))
        if number != expected:
            continue
        start = m.start(2)
        # the question may wrap over up to three lines
        tail = text[start:]
        lines = tail.split("\n", 3)[:3]
        acc = ""
        end = start
        ok = False
        for ln in lines:
            acc = (acc + " " + ln.strip()).strip() if acc else ln.strip()
            end += len(ln) + 1
            if acc.endswith("?"):
                ok = True
                end -= 1
                break
            if not ln.strip():
                break
        if not ok:
            continue
        found.append((number, start, end, squash(acc)))
        expected += 1
    out: list[QA] = []
    for i, (number, start, end, question) in enumerate(found):
        a_end = found[i + 1][1] - len(str(found[i + 1][0])) - 2 if i + 1 < len(found) else len(text)
        a_start = end
        raw = text[a_start:a_end]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        answer = re.sub(r"\n[ \t\xa0]*\n(?:[ \t\xa0]*\n)+", "\n\n", stripped)
        out.append(QA(number, question, start, end, answer, a_start + lead,
                      a_start + lead + len(stripped)))
    return out


# --- annexes ---------------------------------------------------------------------------------

_ANNEX = re.compile(
    r"^\s*Anlage\s+(?P<no>\d+[a-z]?)\s+zu[rm]?\s+(?:(?:Vorlage|Drucksache|DS|Beschlussvorlage)\s+)*"
    r"(?:Nr\.\s*)?(?P<ref>[A-Za-zÄÖÜ]*[-/ ]?\d[\w\-/.]*\w)",
    re.M,
)


def find_annex(text: str) -> tuple[str, str] | None:
    """'Anlage 1 zu V0220/25' in the first lines -> ('1', 'V0220/25')."""
    head = "\n".join(text.lstrip().splitlines()[:6])
    m = _ANNEX.search(head)
    return (m.group("no"), m.group("ref")) if m else None


# --- references to other papers ------------------------------------------------------------------

REF_TOKEN = (r"(?:[A-ZÄÖÜ]{1,5}-){0,3}[A-ZÄÖÜ]{0,5}[-/]?\d[\w]*(?:[-/][\wÄÖÜ]+)+(?:\.\d+)?"
             r"|[A-ZÄÖÜ]{1,5}\d+[\w]*/\d+|[IVXL]{1,5}/\d+(?:/\d+)?")
_DATE = r"\d{1,2}\.\s?\d{1,2}\.\s?\d{4}"
# the word for a paper, alone or in a compound with its number ("Sitzungsvorlagen-Nummer:", "Drucksachennummer:"),
# then "Nr." or a dash or colon ("Beschlussvorlage - 6/2012"), the number, and a date after "vom" or "v."
_REFERS = re.compile(
    r"\b(?:(?:Beschluss|Sitzungs|Informations|Mitteilungs|Verwaltungs)?[Vv]orlagen?|Drucksachen?|Antrag|Anfrage|DS)"
    r"(?:-?[Nn]ummer)?(?:\s*[-–:])?\s+(?:Nr\.\s*)?"
    r"(?P<ref>" + REF_TOKEN + r")(?:,?\s+(?:vom|v\.)\s+(?P<date>" + _DATE + r"))?"
    # a decision's date before its number: "mit dem Ratsbeschluss vom 21.09.2011 – V/0358/2011"
    r"|\bvom\s+(?P<before>" + _DATE + r")\s+[–—-]\s+(?P<dated>" + REF_TOKEN + r")"
    # the paper column of an agenda table: "| 2 | Wahl der Schiedsperson | FB1-108/23 |"
    r"|^\|\s*\d+[a-z]?\.?\s*\|[^\n]*\|\s*(?P<cell>" + REF_TOKEN + r")\s*\|[ \t]*$",
    re.M,
)


def find_references(text: str) -> list[tuple[str, date | None, int, int]]:
    out = []
    for m in _REFERS.finditer(text):
        ref = m.group("ref") or m.group("dated") or m.group("cell")  # each holds a "/" or "-" (REF_TOKEN)
        when = m.group("date") or m.group("before") or ""
        out.append((ref.rstrip("."), parse_date_de(when.replace(" ", "")), m.start(), m.end()))
    return out


# --- assembling a paper -----------------------------------------------------------------------------


@dataclass(slots=True)
class StammbaumRow:
    reference: str
    name: str | None
    originator: str | None
    paper_type: str | None


@dataclass(slots=True)
class RawPaper:
    """What a layout parser found, before it becomes records."""

    reference: str
    fields: dict[str, str] = field(default_factory=dict)
    consultations: list[dict] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)
    stammbaum: list[StammbaumRow] = field(default_factory=list)
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (name, url)


def _is_answer(paper_type: str | None) -> bool:
    return bool(paper_type and re.search(r"antwort|beantwortung|stellungnahme", paper_type, re.I))


def _is_inquiry(paper_type: str | None) -> bool:
    return bool(paper_type and re.search(r"anfrage", paper_type, re.I)) and not _is_answer(paper_type)


def _relation_between(own: StammbaumRow, other: StammbaumRow) -> str:
    own_ref, other_ref = ref_slug(own.reference), ref_slug(other.reference)
    if own_ref.startswith(other_ref):
        if _is_answer(own.paper_type) or re.search(r"-AW-?\d*$|-AW-", own_ref):
            return "answer_to"
        if re.search(r"änderung|neufassung|ergänzung", own.paper_type or "", re.I):
            return "amends"
        return "derived_from"
    return "related_to"


def build_paper(raw: RawPaper, scope: str, source_url: str, document_key: str) -> Records:
    f = raw.fields
    key = paper_key(scope, raw.reference)
    head = [f"{label}: {f[field]}" for label, field in (("Betreff", "name"), ("Einreicher", "originator"),
                                                          ("Federführend", "under_direction_of")) if f.get(field)]
    text_parts = (["\n".join(head)] if head else []) + [
        f"{name}\n{body}" for name, body in raw.sections.items() if body]
    text = "\n\n".join(text_parts) or None
    paper = Paper(
        key=key,
        reference=raw.reference,
        name=f.get("name"),
        paper_type=f.get("paper_type"),
        date=parse_date_de(f.get("date")),
        status=f.get("status"),
        originator=f.get("originator"),
        under_direction_of=f.get("under_direction_of"),
        related_reference=f.get("related_reference"),
        occasion=f.get("occasion"),
        text=text,
        sections=dict(raw.sections),
        source_url=source_url,
        document_key=document_key,
    )
    result = Records(papers=[paper], text=text)

    for pos, c in enumerate(raw.consultations):
        ckey = f"{key}/consultation/{pos}"
        result.consultations.append(Consultation(
            key=ckey, paper_key=key, organization_name=c["organization"],
            meeting_name=c.get("meeting"), meeting_key=c.get("meeting_key"),
            date=c.get("date"), role=c.get("role"), status=c.get("status"),
            result=c.get("result"), position=pos, source_url=source_url,
            document_key=document_key))

    # lineage from the Stammbaum
    own = next((r for r in raw.stammbaum if ref_slug(r.reference) == ref_slug(raw.reference)), None)
    own = own or StammbaumRow(raw.reference, paper.name, paper.originator, paper.paper_type)
    if own.paper_type is None:
        own.paper_type = paper.paper_type
    inquiry_key: str | None = None
    for row in raw.stammbaum:
        if ref_slug(row.reference) == ref_slug(raw.reference):
            continue
        tkey = paper_key(scope, row.reference)
        result.papers.append(Paper(key=tkey, reference=row.reference, name=row.name,
                                   paper_type=row.paper_type, originator=row.originator,
                                   stub=True, source_url=source_url, document_key=document_key))
        rel = _relation_between(own, row)
        if rel == "related_to" and ref_slug(row.reference).startswith(ref_slug(raw.reference)):
            continue  # the other paper points at us; its own page records that relation
        asked_by = row.originator if rel == "answer_to" else None
        answered_by = own.originator if rel == "answer_to" else None
        if rel == "answer_to":
            inquiry_key = tkey
        result.relations.append(PaperRelation(
            key=f"{key}/{rel}/{ref_slug(row.reference)}", subject_key=key,
            subject_reference=raw.reference, relation=rel, target_reference=row.reference,
            target_key=tkey, asked_by=asked_by, answered_by=answered_by,
            source_url=source_url, document_key=document_key))

    related = paper.related_reference
    if related:
        for ref in re.split(r"[,;\n]+", related):
            ref = ref.strip()
            if not ref or any(ref_slug(r.target_reference) == ref_slug(ref) for r in result.relations):
                continue
            tkey = paper_key(scope, ref)
            rel = "answer_to" if _is_answer(paper.paper_type) else "refers_to"
            if rel == "answer_to":
                inquiry_key = tkey
            result.papers.append(Paper(key=tkey, reference=ref, stub=True,
                                       source_url=source_url, document_key=document_key))
            result.relations.append(PaperRelation(
                key=f"{key}/{rel}/{ref_slug(ref)}", subject_key=key,
                subject_reference=raw.reference, relation=rel, target_reference=ref,
                target_key=tkey, answered_by=paper.originator if rel == "answer_to" else None,
                source_url=source_url, document_key=document_key))

    # references named in the text ("Vorlage V-554/10 vom 20.10.2010")
    for ref, when, _s, _e in find_references(text or ""):
        if ref_slug(ref) == ref_slug(raw.reference) or any(
                ref_slug(r.target_reference) == ref_slug(ref) for r in result.relations):
            continue
        tkey = paper_key(scope, ref)
        result.papers.append(Paper(key=tkey, reference=ref, date=when, stub=True,
                                   source_url=source_url, document_key=document_key))
        result.relations.append(PaperRelation(
            key=f"{key}/refers_to/{ref_slug(ref)}", subject_key=key,
            subject_reference=raw.reference, relation="refers_to", target_reference=ref,
            target_key=tkey, target_date=when, source_url=source_url,
            document_key=document_key))

    # numbered questions, and the answers when this paper answers them
    body = text or ""
    if _is_inquiry(paper.paper_type) or _is_answer(paper.paper_type) or inquiry_key:
        qas = extract_questions(body)
        owner = inquiry_key if (inquiry_key and not _is_inquiry(paper.paper_type)) else key
        for qa in qas:
            qkey = f"{owner}/question/{qa.number}"
            result.questions.append(Question(
                key=qkey, paper_key=owner, number=qa.number, text=qa.question,
                source_url=source_url, document_key=document_key,
                start=qa.q_start, end=qa.q_end))
            if owner != key and qa.answer:
                result.answers.append(Answer(
                    key=f"{key}/answer/{qa.number}", question_key=qkey, paper_key=key,
                    number=qa.number, text=qa.answer, source_url=source_url,
                    document_key=document_key, start=qa.a_start, end=qa.a_end))

    for pos, (name, url) in enumerate(raw.attachments):
        result.files.append(File(key=f"{key}/file/{pos}", name=name, paper_key=key,
                                 access_url=url, source_url=source_url,
                                 document_key=document_key))
    return result
