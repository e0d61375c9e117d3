"""Run every extractor over one document's text and turn what they found into records."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

from ratsinfo.model import Fact, Meeting, Organization, Person, Records, Rule, Topic
from ratsinfo.parsers.nlp.agenda import agenda_items, head_meeting
from ratsinfo.parsers.nlp.context import Context
from ratsinfo.parsers.nlp.council import Council, council_of
from ratsinfo.parsers.nlp.counts import find_counts
from ratsinfo.parsers.nlp.decisions import find_decisions, find_set_ups
from ratsinfo.parsers.nlp.inline_topics import find_inline_topics
from ratsinfo.parsers.nlp.lists import find_topic_lists
from ratsinfo.parsers.nlp.meetings import FoundMeeting, find_meetings
from ratsinfo.parsers.nlp.numbers import DATE_PATTERN, WEEKDAY
from ratsinfo.parsers.nlp.orgs import recognised_council
from ratsinfo.parsers.nlp.paper_topics import paper_topics
from ratsinfo.parsers.nlp.persons import find_persons
from ratsinfo.parsers.nlp.pipeline import analyse
from ratsinfo.parsers.nlp.rules import find_prose_rules, find_rules
from ratsinfo.parsers.structure import extract_questions, find_references


def _fkey(document_key: str | None, *parts: object) -> str:
    raw = "|".join(str(p) for p in (document_key, *parts))
    return "fact:" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


_BARE_DATE = re.compile(r"\s*" + WEEKDAY + DATE_PATTERN + r"\s*")


def _bare_date_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is a date alone (no time, no body): the day a page was published."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return _BARE_DATE.fullmatch(text, a, b if b != -1 else len(text)) is not None


def document_scope(text: str, scope: str, council: str | None, named: Council | None) -> tuple[str, str | None]:
    """The council slug that keys the bodies of this text and the council's name when the text gives it:
    the council the caller names (``--body``, the source), else a council scope of the source, else
    the council the document's head names ("Stadt Brühl"), ``named`` (recognised once with the Doc)."""
    if council:  # its name is the source's (--body), shown from there
        found = council_of(text, council)
        return (found.slug if found else scope), None
    if scope != "local":
        return scope, None
    return (named.slug, named.name) if named else (scope, None)


# a party or its faction owning a group ("der Arbeitskreis „Umwelt“ der SPD"): the group is the party's, no working
# group of the council
_PARTY_OWNER = re.compile(r"[“”\"]?\s+(?:der|des)\s+(?:SPD|CDU|CSU|FDP|AfD|ÖDP|BSW|Grünen|Linken|Partei|Piraten|"
                          r"Freien\s+Wähler|Jungen\s+Union|Jusos|[\w-]*-?Fraktion|Fraktion)\b")

# a network of many towns or of a higher level ("Gesunde-Städte-Netzwerk", "Bundesnetzwerk Prävention") is none of
# the council's working groups
_ABOVE_THE_COUNCIL = re.compile(r"(?i)(?:^|[\s-])(?:bundes|landes|europa|europäisch|deutsch|international|national)"
                                r"[\w-]*netzwerk|städte[\w-]*netzwerk|netzwerk\s+(?:der|deutscher)\s+(?:Städte|Kommunen)"
                                # a network, alliance, forum or Lokale Agenda of many bearers ("Netzwerk Frühe Hilfen",
                                # "Bündnis für Familie") works beside the council, not as one of its groups
                                r"|^(?:netzwerk|bündnis|forum|lokale agenda)\b")


def _of_a_party(text: str, mentions: list) -> bool:
    return any(_PARTY_OWNER.match(text, m.end) for m in mentions)


def extract(text: str, *, document_key: str | None, document: str | None, paper_key: str | None = None,
            title: str | None = None, scope: str = "local", with_questions: bool = True,
            council: str | None = None) -> Records:
    """Facts and the records they belong in (organizations, meetings, topics, rules, persons).

    ``council`` (a name such as "Stadt Brühl" or a slug) scopes every key; without it the source's
    ``scope`` or the council recognised in the document's head does."""
    result = Records()
    if not text or not text.strip():
        return result
    doc = analyse(text)
    ctx = Context.build(doc, document_key, document, paper_key, title)
    scope, council_name = document_scope(text, scope, council, recognised_council(doc))

    def okey(key: str | None) -> str | None:
        return f"org:{scope}:{key}" if key else None

    def fact(kind: str, start: int, end: int, **kw: object) -> Fact:
        f = Fact(key=_fkey(document_key, kind, start, end, kw.get("subject"), kw.get("value"), kw.get("number")),
                 kind=kind, document_key=document_key, document=document, paper_key=paper_key, start=start, end=end,
                 text=text[start:end].strip(), method="rule", **kw)  # type: ignore[arg-type]
        f.detail = {**f.detail, "council": scope}
        result.facts.append(f)
        return f

    head = head_meeting(ctx)
    if head is not None and head.org.key in ctx.orgs:
        ctx.main = ctx.orgs[head.org.key]  # minutes are about the body whose meeting they record

    # organisations and working groups
    topic_lists = find_topic_lists(ctx)
    inline = find_inline_topics(ctx)
    for key, org in ctx.orgs.items():
        first = min(org.mentions, key=lambda m: m.start)
        parent = ctx.orgs.get(org.parent) if org.parent else None
        result.organizations.append(Organization(
            key=okey(key), name=org.name, kind=org.kind, parent_key=okey(org.parent),
            aliases=sorted(org.aliases), abbreviation=org.abbreviation, source_url=document or "",
            document_key=document_key, council_name=council_name))
        fact("organization", first.start, first.end, subject=org.name, subject_key=okey(key), value=org.kind,
             detail={"aliases": sorted(org.aliases), "abbreviation": org.abbreviation,
                     "parent": parent.name if parent else None})
        if org.kind == "working_group" and not _of_a_party(ctx.text, org.mentions) \
                and not _ABOVE_THE_COUNCIL.search(org.name):
            topics = [t for tl in topic_lists if tl.org_key == key for t, _a, _b in tl.items] \
                or [it.topic for it in inline if it.org_key == key]  # "Ein Schwerpunkt lag auf ...", where no list
            fact("working_group", first.start, first.end, subject=org.name, subject_key=okey(key),
                 value=parent.name if parent else None, number=float(len(topics)),
                 year=next((tl.year for tl in topic_lists if tl.org_key == key), None),
                 detail={"parent": parent.name if parent else None, "topics": topics})

    # topics
    for tl in topic_lists:
        name = ctx.name(tl.org_key)
        for item, a, b in tl.items:
            result.topics.append(Topic(key=_fkey(document_key, "topic", a, b), organization_key=okey(tl.org_key),
                                       topic=item, year=tl.year, document_key=document_key, start=a, end=b))
            fact("topic", a, b, subject=name, subject_key=okey(tl.org_key), value=item, year=tl.year,
                 detail={"header": tl.header})

    # agenda items of the meeting the document records
    owner = head.org.key if head is not None else None
    if owner is not None:
        year = head.when.year if head.when else ctx.heading_year()
        listed = {norm for tl in topic_lists for t, _a, _b in tl.items for norm in (t.casefold(),)}
        for item, a, b in agenda_items(ctx):
            if item.casefold() in listed:
                continue
            result.topics.append(Topic(key=_fkey(document_key, "topic", a, b, item), organization_key=okey(owner),
                                       topic=item, year=year, document_key=document_key, start=a, end=b))
            fact("topic", a, b, subject=ctx.name(owner), subject_key=okey(owner), value=item, year=year,
                 detail={"header": "agenda"})

    # what the bodies decided on (or set up), and themes enumerated inside a sentence
    have = {(t.organization_key, t.topic.casefold()) for t in result.topics}
    found = [(d, "paper") for d in paper_topics(ctx)]
    found += [(d, "decision") for d in find_decisions(ctx) + find_set_ups(ctx)]
    found += [(it, "sentence") for it in inline]
    for d, header in found:
        if (okey(d.org_key), d.topic.casefold()) in have:
            continue
        if d.year is None and header == "sentence" and owner == d.org_key and head is not None and head.when:
            d.year = head.when.year  # a theme of the body whose dated meeting the document records
        have.add((okey(d.org_key), d.topic.casefold()))
        result.topics.append(Topic(key=_fkey(document_key, "topic", d.start, d.end, d.topic),
                                   organization_key=okey(d.org_key), topic=d.topic, year=d.year,
                                   document_key=document_key, start=d.start, end=d.end))
        fact("topic", d.start, d.end, subject=ctx.name(d.org_key), subject_key=okey(d.org_key), value=d.topic,
             year=d.year, detail={"header": header})

    # session counts
    counts = find_counts(ctx)
    for c in counts:
        fact("session_count", c.start, c.end, subject=ctx.name(c.subject.key), subject_key=okey(c.subject.key),
             value=str(c.value), number=float(c.value), year=c.year, qualifier=c.qualifier)

    # meetings
    meetings = find_meetings(ctx)
    if head is not None and (head.when or head.number is not None):
        same = [m for m in meetings if m.key == head.org.key and (
            m.when == head.when and head.when is not None or m.number == head.number and head.number is not None)]
        if same:
            same[0].number = same[0].number if same[0].number is not None else head.number
            same[0].when = same[0].when or head.when
            for other in same[1:]:  # "Sitzung X am 28.01.2008" and "12. Sitzung des X am 28. Januar 2008"
                meetings.remove(other)
            if same[0].number is None:
                numbered = [m for m in meetings if m.key == head.org.key and m.when == same[0].when and m.number]
                if numbered:
                    meetings.remove(same[0])
        elif not (_bare_date_line(text, head.end) and any(m.key == head.org.key and m.when for m in meetings)):
            # (a press release's date under its title is no session when the text dates the session itself)
            meetings.insert(0, FoundMeeting(head.org.key, head.number, head.when, None, head.start, head.end,
                                            text[head.start:head.end]))
    for m in meetings:
        name = ctx.name(m.key)
        mkey = f"meeting:{scope}:{m.key}:{m.number if m.number is not None else m.when or m.month}"
        result.meetings.append(Meeting(
            key=mkey, name=m.title or (f"{m.number}. {name}" if m.number else name), organization_key=okey(m.key),
            start=datetime(m.when.year, m.when.month, m.when.day) if m.when else None,
            number=str(m.number) if m.number is not None else None, source_url=document or "",
            document_key=document_key, method="text"))
        fact("meeting", m.start, m.end, subject=name, subject_key=okey(m.key), value=m.title,
             number=float(m.number) if m.number is not None else None, date=m.when,
             year=m.when.year if m.when else int(m.month[:4]) if m.month and m.month[0].isdigit() else None,
             detail={"month": m.month} if m.month else {})

    # persons
    person_keys: set[str] = set()
    for p in find_persons(ctx):
        pkey = f"person:{scope}:{p.name.casefold()}"
        if pkey not in person_keys:  # one record per person; a fact per role
            person_keys.add(pkey)
            result.persons.append(Person(key=pkey, name=p.name, role=p.role, organization_key=okey(p.org_key),
                                         source_url=document or "", document_key=document_key))
        fact("person", p.start, p.end, subject=p.name, value=p.role,
             detail={"organization": ctx.name(p.org_key) if p.org_key else None})

    # references to other papers
    for ref, when, a, b in find_references(text):
        fact("paper_reference", a, b, subject=ref, value=ref, date=when, year=when.year if when else None)

    # rules of procedure
    procedure = find_rules(ctx, counts)
    for r in procedure + find_prose_rules(ctx, procedure):
        name = ctx.name(r.org_key) if r.org_key else None
        result.rules.append(Rule(key=_fkey(document_key, "rule", r.rule, r.start), organization_key=okey(r.org_key),
                                 rule=r.rule, value=r.value, number=r.number, unit=r.unit, text=r.text,
                                 document_key=document_key, start=r.start, end=r.end))
        fact("rule", r.start, r.end, subject=name, subject_key=okey(r.org_key), value=r.value, number=r.number,
             qualifier=r.rule)

    if with_questions:
        for qa in extract_questions(text):
            fact("question", qa.q_start, qa.q_end, subject=None, value=qa.question, number=float(qa.number),
                 detail={"answer": qa.answer[:2000]})
    return result
