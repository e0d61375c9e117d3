"""Typed records passed between stages: parsers yield them, the warehouse loads them.

Every record has a stable ``key`` (so loading is an idempotent upsert) and says where it
came from (``source_url`` or the ``document_key`` of the raw item it was parsed from).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime


def ref_slug(reference: str) -> str:
    """Normalise a paper reference for keys: 'VII-F-00741-AW-01 ' -> 'VII-F-00741-AW-01'."""
    return re.sub(r"\s+", "", reference).upper()


def paper_key(scope: str, reference: str) -> str:
    """Papers are keyed by the system they belong to and their reference."""
    return f"paper:{scope}:{ref_slug(reference)}"


def org_key(scope: str, name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip().casefold()
    return f"org:{scope}:{name}"


@dataclass(slots=True)
class Source:
    key: str
    kind: str  # oparl | allris | files
    location: str
    name: str


@dataclass(slots=True)
class Document:
    """One raw item as fetched or read: the bytes live in the raw store under sha256."""

    key: str
    source_key: str
    url: str  # absolute file:// URI or http(s) URL
    origin: str  # the path or URL as the user gave it: what citations show
    sha256: str
    size: int
    content_type: str
    kind: str  # allris3_vo020, allris4_vo020, allris_text_paper, pdf, text, oparl_json, ...
    encoding: str | None
    fetched_at: datetime
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    parse_status: str = "pending"  # ok | skipped | failed
    parse_error: str | None = None
    parser_version: str = ""
    text: str | None = None
    text_method: str | None = None  # PDFs: "text layer", "ocr" or "text layer+ocr"


@dataclass(slots=True)
class Body:
    key: str
    name: str
    source_url: str


@dataclass(slots=True)
class Organization:
    key: str
    name: str
    kind: str | None = None
    parent_key: str | None = None
    aliases: list[str] = field(default_factory=list)
    abbreviation: str | None = None
    body_key: str | None = None
    source_url: str = ""
    document_key: str | None = None
    council_name: str | None = None  # "Stadt Brühl": the council read in the document's head, for display


@dataclass(slots=True)
class Person:
    key: str
    name: str
    role: str | None = None
    organization_key: str | None = None
    source_url: str = ""
    document_key: str | None = None
    body_key: str | None = None


@dataclass(slots=True)
class Membership:
    key: str
    person_key: str
    organization_key: str
    role: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    source_url: str = ""


@dataclass(slots=True)
class Meeting:
    key: str
    name: str | None
    organization_key: str | None
    start: datetime | None = None
    end: datetime | None = None
    number: str | None = None
    location: str | None = None
    public: bool | None = None
    source_url: str = ""
    document_key: str | None = None
    method: str = "record"  # record (OParl, ALLRIS calendar) or text (read from prose)
    cancelled: bool | None = None


@dataclass(slots=True)
class AgendaItem:
    key: str
    meeting_key: str
    number: str | None
    name: str
    public: bool | None = None
    result: str | None = None
    paper_key: str | None = None
    source_url: str = ""
    document_key: str | None = None
    position: int | None = None
    theme: str | None = None  # policy area (Kommunaler Produktrahmen), "00" for procedural items
    theme2: str | None = None
    theme_confidence: float | None = None


@dataclass(slots=True)
class Paper:
    key: str
    reference: str
    name: str | None = None
    paper_type: str | None = None
    date: date | None = None
    status: str | None = None
    originator: str | None = None  # Einreicher / Initiator / Verfasser
    under_direction_of: str | None = None  # Federführend
    related_reference: str | None = None  # Bezüglich
    occasion: str | None = None  # Anlass
    text: str | None = None
    sections: dict[str, str] = field(default_factory=dict)
    stub: bool = False  # known only from another paper's Stammbaum or Bezüglich
    source_url: str = ""
    document_key: str | None = None
    body_key: str | None = None
    theme: str | None = None
    theme2: str | None = None
    theme_confidence: float | None = None


@dataclass(slots=True)
class PaperRelation:
    """Lineage: answer_to, amends, annex_of, refers_to, related_to."""

    key: str
    subject_key: str  # a paper key, or a file key for an annex
    subject_reference: str
    relation: str
    target_reference: str
    target_key: str
    target_date: date | None = None
    asked_by: str | None = None
    answered_by: str | None = None
    source_url: str = ""
    document_key: str | None = None


@dataclass(slots=True)
class Consultation:
    key: str
    paper_key: str
    organization_name: str
    organization_key: str | None = None
    meeting_key: str | None = None
    meeting_name: str | None = None
    date: date | None = None
    role: str | None = None
    status: str | None = None
    result: str | None = None
    position: int | None = None  # place in the paper's Beratungsfolge; only the paper sets it
    source_url: str = ""
    document_key: str | None = None


@dataclass(slots=True)
class File:
    key: str
    name: str
    sha256: str | None = None
    mime_type: str | None = None
    paper_key: str | None = None
    meeting_key: str | None = None
    pages: int | None = None
    text: str | None = None
    access_url: str | None = None
    source_url: str = ""
    document_key: str | None = None
    size: int | None = None
    download_status: str | None = None
    date: date | None = None  # the file's own date (OParl date, else created): dates a filed statement
    text_method: str | None = None  # PDFs: "text layer", "ocr" or "text layer+ocr"


@dataclass(slots=True)
class Question:
    key: str
    paper_key: str  # the inquiry the question belongs to (or the paper it was read from)
    number: int
    text: str
    source_url: str = ""
    document_key: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Answer:
    key: str
    question_key: str
    paper_key: str  # the paper that answers
    number: int
    text: str
    source_url: str = ""
    document_key: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class InquiryAnswer:
    """Derived, not parsed: whether an inquiry is answered, by what and when, and who asked."""

    key: str  # the inquiry's paper key
    reference: str
    status: str  # answered | open
    answer: str | None = None  # answer paper's reference, statement file's name, or the meeting's result
    answered_how: str | None = None  # paper | file | meeting
    answer_key: str | None = None
    answered_on: date | None = None
    answered_by: str | None = None
    answered_in: str | None = None  # the meeting of an oral answer
    asked_by: str | None = None
    asked_by_from: str | None = None  # relation | originator | title | file | text


@dataclass(slots=True)
class Fact:
    """One extracted fact with the document and character span it came from."""

    key: str
    kind: str  # organization, working_group, session_count, meeting, topic, person, paper_reference, rule, question
    subject: str | None
    subject_key: str | None = None
    value: str | None = None
    number: float | None = None
    year: int | None = None
    date: date | None = None
    qualifier: str | None = None
    document_key: str | None = None
    document: str | None = None  # the path or URL as the user gave it
    paper_key: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    method: str = "rule"
    detail: dict = field(default_factory=dict)


@dataclass(slots=True)
class Topic:
    key: str
    organization_key: str
    topic: str
    year: int | None = None
    document_key: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Rule:
    key: str
    organization_key: str
    rule: str  # meeting_frequency, agenda_deadline, invitation_notice, minutes_deadline, public, ...
    value: str | None = None
    number: float | None = None
    unit: str | None = None
    text: str | None = None
    document_key: str | None = None
    start: int | None = None
    end: int | None = None


# The one table map: every record table, in load order (a paper before its consultations), with the
# attribute of ``Records`` that feeds it.
TABLES: tuple[tuple[str, str], ...] = (
    ("body", "bodies"), ("organization", "organizations"), ("person", "persons"), ("membership", "memberships"),
    ("meeting", "meetings"), ("paper", "papers"), ("agenda_item", "agenda_items"), ("paper_relation", "relations"),
    ("consultation", "consultations"), ("file", "files"), ("question", "questions"), ("answer", "answers"),
    ("fact", "facts"), ("topic", "topics"), ("rule", "rules"),
)
ATTR_OF = dict(TABLES)


@dataclass(slots=True)
class Records:
    """What a parser, a mapper or a crawl yields: typed records per table, plus what the source said
    about deletions and references (OParl) and the newest modification time it saw."""

    bodies: list[Body] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)
    agenda_items: list[AgendaItem] = field(default_factory=list)
    relations: list[PaperRelation] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    files: list[File] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    text: str | None = None
    deleted: dict[str, set[str]] = field(default_factory=dict)  # table -> keys the server soft-deleted
    references: dict[str, set[str]] = field(default_factory=dict)  # table -> ids referenced, maybe unlisted
    modified: datetime | None = None

    def extend(self, other: Records) -> None:
        for _table, attr in TABLES:
            if items := getattr(other, attr):  # most of them are empty: one object maps to a few tables
                getattr(self, attr).extend(items)
        for table, keys in other.deleted.items():
            self.deleted.setdefault(table, set()).update(keys)
        for table, ids in other.references.items():
            self.references.setdefault(table, set()).update(ids)
        if other.modified and (self.modified is None or other.modified > self.modified):
            self.modified = other.modified

    def of(self, table: str) -> list:
        return getattr(self, ATTR_OF[table])

    def __len__(self) -> int:
        return sum(len(getattr(self, attr)) for _t, attr in TABLES)

