"""Decide for every inquiry whether it is answered, by what and when, and who asked — after every run,
from what all sources together hold (a statement may arrive pages or runs after its inquiry).

The evidence, strongest first: a paper the lineage names as the answer, a paper under the inquiry,
a related paper of an answering type, a file filed with the inquiry and named as a statement, and
an agenda item or consultation whose result records an answer (oral answers). Among several of one
kind the earliest dated wins, then the smallest key, so that the verdict never depends on order.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import NamedTuple

import duckdb

from ratsinfo.model import InquiryAnswer
from ratsinfo.parsers.inquiry_signs import (
    asker_in_head,
    asker_in_title,
    is_administration,
    is_answer_paper,
    is_statement_file,
    says_answered,
)
from ratsinfo.warehouse import inquiries as store
from ratsinfo.warehouse.runs import Run


class Inquiry(NamedTuple):
    key: str
    reference: str
    name: str | None
    originator: str | None
    date: date | None
    head: str | None


class Evidence(NamedTuple):
    inquiry_key: str
    evidence: str  # answer_to | subordinated | related | file | agenda_item | consultation
    key: str
    name: str | None  # paper reference, file name, meeting name
    detail: str | None  # paper type, mime type, result
    date: date | None
    by_whom: str | None
    asked_by: str | None
    head: str | None


RANK = {"answer_to": 0, "subordinated": 1, "related": 2, "file": 3, "agenda_item": 4, "consultation": 4}


def _order(e: Evidence) -> tuple:
    return RANK[e.evidence], e.date is None, e.date or date.min, e.key


def _answers(evidence: list[Evidence]) -> list[Evidence]:
    out = []
    for e in evidence:
        if e.evidence in ("answer_to", "subordinated", "related"):
            if is_answer_paper(e.detail, e.evidence):
                out.append(e)
        elif e.evidence == "file":
            if is_statement_file(e.name):
                out.append(e)
        elif says_answered(e.detail):
            out.append(e)
    return sorted(out, key=_order)


def _asker(inquiry: Inquiry, evidence: list[Evidence]) -> tuple[str | None, str | None]:
    """Who asked, and where it was read: lineage, originator field, title, the head of its own file or text."""
    lineage = sorted((e.asked_by for e in evidence if e.asked_by), key=str)
    if lineage:
        return lineage[0], "relation"
    if inquiry.originator and not is_administration(inquiry.originator) and "://" not in inquiry.originator:
        return inquiry.originator, "originator"
    if who := asker_in_title(inquiry.name):
        return who, "title"
    own = sorted((e for e in evidence if e.evidence == "file" and not is_statement_file(e.name)), key=lambda e: e.key)
    for e in own:
        if who := asker_in_head(e.head):
            return who, "file"
    if who := asker_in_head(inquiry.head):
        return who, "text"
    return None, None


def decide(inquiry: Inquiry, evidence: list[Evidence]) -> InquiryAnswer:
    """The verdict on one inquiry from its evidence."""
    asked_by, asked_from = _asker(inquiry, evidence)
    row = InquiryAnswer(key=inquiry.key, reference=inquiry.reference, status="open", asked_by=asked_by,
                        asked_by_from=asked_from)
    found = _answers(evidence)
    if not found:
        return row
    best = found[0]
    row.status, row.answer_key = "answered", best.key
    on = best.date
    if on is None and best.evidence in ("answer_to", "subordinated", "related"):
        on = next((e.date for e in _answers([e for e in evidence if e.evidence == "file"]) if e.date), None)
    if on is not None and inquiry.date is not None and on < inquiry.date:
        on = None  # an answer dated before its question is a placeholder date (ALLRIS OParl: 2000-01-01)
    row.answered_on = on
    if best.evidence in ("agenda_item", "consultation"):
        row.answered_how, row.answer, row.answered_in = "meeting", best.detail, best.name or None
        row.answered_by = None
    else:
        row.answered_how = "file" if best.evidence == "file" else "paper"
        row.answer, row.answered_by = best.name, best.by_whom
    return row


def derive_inquiry_answers(con: duckdb.DuckDBPyConnection, run: Run) -> None:
    """Decide every inquiry again and store what changed (nothing, when nothing did).

    A run that changed no record cannot change a decision: it is skipped once inquiries were decided."""
    if not run.changed and store.decided(con):
        return
    found: dict[str, list[Evidence]] = defaultdict(list)
    for row in store.evidence(con):
        e = Evidence(*row)
        found[e.inquiry_key].append(e)
    rows = [decide(Inquiry(*q), found.get(q[0], [])) for q in store.inquiries(con)]
    counts = store.store_answers(con, rows, run.id)
    if counts.get("inserted") or counts.get("updated") or counts.get("deleted"):
        run.add("inquiry_answer", counts)
