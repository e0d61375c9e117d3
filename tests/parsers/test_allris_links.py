"""The link helpers of the ALLRIS parsers split and join links by hand for speed; they give what urllib gives."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from ratsinfo.parsers.allris_common import ID_PARAM, absolute, canonical, link_id, program_of

BASES = ["https://ris.example.invalid/bi/to010.asp?SILFDNR=1", "https://ris.example.invalid/public/vo020?VOLFDNR=2",
         "https://ris.example.invalid", "http://ris.example.invalid:8080/a/b/", "https://h.invalid/a/../b/c.asp",
         "https://h.invalid/p;x=1/q.asp", "HTTPS://H.INVALID/bi/x.asp", "https://h.invalid/x y/a.asp",
         "file:///tmp/saved/to010.html"]
LINKS = st.one_of(
    st.text(alphabet="abvoto0129./?&=#%+;_-VOLFDNRTSI ", max_size=40),
    st.builds(lambda prog, sep, q: f"{prog}{sep}{q}", st.sampled_from(["vo020", "to020", "./vo020", "kp020.asp",
                                                                      "../bi/to010.asp", "/public/au020"]),
              st.sampled_from(["?", ".asp?", "_r.asp?", "#"]),
              st.text(alphabet="VOLFDNRTSIvol=&%+2019;#", max_size=30)))


def parse_qs_id(href: str | None, param: str) -> str | None:
    """The reading the hand-written one replaces: parse_qs, then the digits after ``param=``."""
    if not href:
        return None
    for k, v in parse_qs(urlsplit(href).query).items():
        if k.upper() == param.upper() and v:
            return v[0]
    m = re.search(param + r"=(\d+)", href, re.I)
    return m.group(1) if m else None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(BASES), LINKS)
def test_a_link_is_joined_to_its_page_as_urljoin_joins_it(base, href):
    assert absolute(base, href) == urljoin(base, href)


@settings(max_examples=300, deadline=None)
@given(LINKS, st.sampled_from(["VOLFDNR", "TOLFDNR", "SILFDNR", "MM"]))
def test_the_id_of_a_link_is_read_as_parse_qs_reads_it(href, param):
    assert link_id.__wrapped__(href, param) == parse_qs_id(href, param)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(BASES), LINKS)
def test_the_canonical_address_keeps_only_the_program_and_its_id(base, href):
    full = urljoin(base, href)
    parts = urlsplit(full)
    param = ID_PARAM.get(program_of(parts.path + "?") or "")
    ident = parse_qs_id(full, param) if param else None
    expected = full if not ident else (f"{parts.scheme}://{parts.netloc}{parts.path}?{param}={ident}"
                                       if parts.scheme else f"{parts.path}?{param}={ident}")
    assert canonical.__wrapped__(base, href) == expected
