"""Every document parser under random and damaged input, called as the pipeline calls it (the
depth check first, then detection, then the parser for the kind): only the project's own errors
come out, within the time budget."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ratsinfo.errors import ParseError
from ratsinfo.ops.sources import parse as parse_sources
from ratsinfo.parsers import allris_agenda_item, allris_calendar, allris_lists, allris_meeting, allris_roster
from ratsinfo.parsers.detect import detect
from ratsinfo.parsers.document import parse_document
from ratsinfo.parsers.htmltext import node_text, soup_of
from ratsinfo.parsers.limits import check_nesting
from tests.fuzz.harness import corpus_files, mutated, survives
from tests.hostile_inputs import deep_html, deep_json

URL = "https://ratsinfo.example/bi/vo020.asp?VOLFDNR=1"


def read_any(data: bytes) -> None:
    """The pipeline's path for one file, PDFs left to their own test."""
    check_nesting(data)
    kind, _ = detect(data, "x")
    if kind != "pdf":
        parse_document(kind, data, URL, "k", "0" * 64, "local")


def real_pages(corpus) -> list[bytes]:
    return (corpus_files(corpus / "allris-html", "*.html") + corpus_files(corpus / "allris-real", "*.html")
            + corpus_files(corpus / "real-docs", "*.txt", 20))


@given(st.binary(max_size=3000))
def test_random_bytes_are_read_or_refused(data):
    survives(read_any, data)


@given(st.text(max_size=1500).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_text_is_read_or_refused(data):
    survives(read_any, data)


@given(st.data())
def test_damaged_real_pages_are_read_or_refused(corpus, data):
    survives(read_any, data.draw(mutated(real_pages(corpus))))


@given(st.data())
def test_allris_page_parsers_read_damaged_pages_or_refuse_them(corpus, data):
    page = data.draw(mutated(corpus_files(corpus / "allris-html", "*.html")))
    html = page.decode("utf-8", "replace")
    parser = data.draw(st.sampled_from([
        lambda h: allris_meeting.parse_to010(h, URL), lambda h: allris_agenda_item.parse_to020(h, URL),
        lambda h: allris_calendar.parse_calendar(h, URL, 2024, 5), lambda h: allris_roster.parse_roster(h, URL),
        lambda h: allris_lists.paper_links(h, URL), lambda h: allris_lists.faction_links(h, URL)]))

    def guarded(h: str) -> object:
        check_nesting(h.encode("utf-8", "surrogatepass"))
        return parser(h)

    survives(guarded, html)


@given(st.text(max_size=600))
def test_any_sources_file_loads_or_names_what_is_wrong(tmp_path_factory, text):
    survives(parse_sources, text, tmp_path_factory.getbasetemp() / "sources.toml")


@settings(max_examples=3)
@given(st.integers(2_000, 60_000))
def test_nesting_beyond_any_real_page_is_refused_quickly(levels):
    for data in (deep_json(levels), deep_html(levels)):
        started = time.monotonic()
        with pytest.raises(ParseError, match="nested"):
            read_any(data)
        assert time.monotonic() - started < 2
        node_text(soup_of("<div>" * 300 + "x" + "</div>" * 300))  # deep but allowed: walked without recursion
