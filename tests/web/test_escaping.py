"""Hostile titles (a paper, an agenda item, a body) render as text on every page and in every feed."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from urllib.parse import quote

from bs4 import BeautifulSoup

from tests.web.conftest import HOSTILE_ITEM, HOSTILE_ORG, HOSTILE_PAPER

ATOM = "{http://www.w3.org/2005/Atom}"


def assert_inert(html: str, hostile: str) -> None:
    """The markup never appears raw; the title appears as text exactly as given."""
    assert "<script>" not in html and "onerror=alert" not in html.replace("onerror=alert(&#39;", "")
    page = BeautifulSoup(html, "html.parser")
    assert page.find("script") is None and page.find("img") is None and page.find("b") is None
    assert hostile in page.get_text()


def test_hostile_paper_title_is_text_on_its_page(http, site):
    r = http.get("/vorlage/" + quote(site[1]["paper"]))
    assert r.status_code == 200
    assert_inert(r.text, HOSTILE_PAPER)
    assert "&lt;script&gt;" in r.text


def test_hostile_agenda_item_is_text_in_search_and_on_the_meeting(http, site):
    for url in ["/suche?q=Sitzungsplan", "/sitzung/" + quote(site[1]["meeting"])]:
        r = http.get(url)
        assert r.status_code == 200
        assert_inert(r.text, HOSTILE_ITEM)


def test_hostile_body_name_is_text_on_start_body_page_and_in_its_chart(http, site):
    for url in ["/", "/gremium/" + quote(site[1]["organization"])]:
        r = http.get(url)
        assert r.status_code == 200
        assert_inert(r.text, HOSTILE_ORG)
    svg = BeautifulSoup(http.get("/gremium/" + quote(site[1]["organization"])).text, "html.parser").select_one("svg")
    assert HOSTILE_ORG in svg.title.get_text()


def test_hostile_values_in_the_query_string_come_back_as_text(http):
    r = http.get("/suche", params={"q": '"><script>alert(1)</script>', "urheber": "<b>x</b>"})
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text and "<b>x</b>" not in r.text


def test_feeds_carry_hostile_titles_as_text(http, site):
    body = ET.fromstring(http.get("/atom/gremium/" + quote(site[1]["organization"])).content)
    assert body.find(f"{ATOM}title").text == HOSTILE_ORG
    search = ET.fromstring(http.get("/atom/suche", params={"q": "Sitzungsplan"}).content)
    assert any(HOSTILE_ITEM in (e.find(f"{ATOM}title").text or "") for e in search.iter(f"{ATOM}entry"))
    calendar = http.get("/ical/gremium/" + quote(site[1]["organization"])).text
    assert "SUMMARY:" + HOSTILE_ORG.replace('"', '"') in calendar.replace("\r\n ", "")


def test_downloads_keep_hostile_titles_as_plain_values(http):
    r = http.get("/abfragen/sessions-per-year.csv")
    assert r.status_code == 200
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert HOSTILE_ORG in [row["organization"] for row in rows]
