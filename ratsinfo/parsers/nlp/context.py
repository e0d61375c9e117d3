"""What every extractor needs to know about one document: text, sentences, organisations,
the numbered questions (their years carry over to the answers) and the main body."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ratsinfo.parsers.nlp.doc_text import text_of
from ratsinfo.parsers.nlp.numbers import YEAR
from ratsinfo.parsers.nlp.orgs import Mention, Organisation


@dataclass
class Context:
    doc: Doc
    text: str
    mentions: list[Mention]
    orgs: dict[str, Organisation]
    document_key: str | None
    document: str | None
    paper_key: str | None
    questions: list[tuple[int, int, int | None]] = field(default_factory=list)  # start, end, year
    focus_year: int | None = None
    main: Organisation | None = None
    _sentences: list[tuple[int, int]] | None = None
    _starts: list[int] | None = None
    _sentence_starts: list[int] = field(default_factory=list)
    # what an extractor derived from the whole document once, for the others that need it too ("head_meeting")
    memo: dict[str, object] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, document_key: str | None, document: str | None, paper_key: str | None,
              title: str | None = None) -> Context:
        mentions, orgs = doc._.orgs
        ctx = cls(doc, text_of(doc), mentions, orgs, document_key, document, paper_key)
        text = ctx.text
        qs = list(re.finditer(r"^[ \t]*\d{1,2}[.)][ \t]+(\S[^\n]*\?)[ \t]*$", text, re.M))
        years: Counter[int] = Counter()
        for i, q in enumerate(qs):
            end = qs[i + 1].start() if i + 1 < len(qs) else len(text)
            y = YEAR.search(q.group(1))
            year = int(y.group(1)) if y else None
            if year:
                years[year] += 1
            ctx.questions.append((q.start(), end, year))
        if years:
            ctx.focus_year = years.most_common(1)[0][0]
        candidates = [o for o in orgs.values() if o.kind in ("advisory_board", "council", "committee", "staff",
                                                             "working_group")]
        if title:
            titled = [o for o in candidates if o.name.casefold() in title.casefold()
                      or any(a.casefold() in title.casefold() for a in o.aliases)]
            if titled:
                ctx.main = titled[0]
        if ctx.main is None and candidates:
            ctx.main = max(candidates, key=lambda o: len(o.mentions))
        return ctx

    def question_year(self, pos: int) -> int | None:
        """The year the enclosing numbered question asks about, else the document's focus year."""
        for start, end, year in self.questions:
            if start <= pos < end:
                return year or self.focus_year
        return None

    def heading_year(self) -> int | None:
        """The year a document's title or first lines name ("Jahresbericht 2020")."""
        for line in self.text.lstrip().split("\n")[:4]:
            y = YEAR.search(line)
            if y:
                return int(y.group(1))
        return self.focus_year

    def year_before(self, pos: int) -> int | None:
        """The last year named in the same paragraph before ``pos`` ("im selben Jahr")."""
        para_start = self.text.rfind("\n\n", 0, pos) + 1
        years = YEAR.findall(self.text[para_start:pos])
        return int(years[-1]) if years else None

    def in_question(self, start: int) -> bool:
        line_end = self.text.find("\n", start)
        line = self.text[self.text.rfind("\n", 0, start) + 1: line_end if line_end != -1 else len(self.text)]
        return line.rstrip().endswith("?")

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        if self._starts is None or len(self._starts) != len(self.mentions):
            self._starts = [m.start for m in self.mentions]
        i = bisect_left(self._starts, start)
        out = []
        for m in self.mentions[i:]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def mentions_starting(self, start: int, end: int) -> list[Mention]:
        """Mentions that start in [start, end), in text order (found by bisection: mentions are sorted by start)."""
        if self._starts is None or len(self._starts) != len(self.mentions):
            self._starts = [m.start for m in self.mentions]
        return self.mentions[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def name(self, key: str) -> str:
        return self.orgs[key].name if key in self.orgs else key

    def sentences(self) -> list[tuple[int, int]]:
        if self._sentences is None:
            self._sentences = [(s.start_char, s.end_char) for s in self.doc.sents]
            self._sentence_starts = [a for a, _b in self._sentences]
        return self._sentences

    def sentence_index(self, pos: int) -> int:
        """The index of the sentence that starts at or before ``pos`` (-1 before the first), by bisection."""
        self.sentences()
        return bisect_right(self._sentence_starts, pos) - 1
