"""Atom feeds of a search, a body and a paper, and the iCalendar feed of a body's meetings, parsed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import quote, urlsplit

from tests.web.test_pages import INQUIRY

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(http, url: str, **params) -> tuple[ET.Element, list[ET.Element]]:
    r = http.get(url, params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(r.content)
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}id").text and feed.find(f"{ATOM}updated").text
    return feed, feed.findall(f"{ATOM}entry")


def test_search_feed_has_one_entry_per_hit_with_stable_ids_newest_first(http):
    _, first = entries(http, "/atom/suche", q="Sitzungsplan")
    _, again = entries(http, "/atom/suche", q="Sitzungsplan")
    assert first and [e.find(f"{ATOM}id").text for e in first] == [e.find(f"{ATOM}id").text for e in again]
    stamps = [e.find(f"{ATOM}updated").text for e in entries(http, "/atom/suche", q="Bericht")[1]]
    assert len(set(stamps)) > 1 and stamps == sorted(stamps, reverse=True)
    link = first[0].find(f"{ATOM}link").get("href")
    assert link.startswith(str(http.base_url).rstrip("/") + "/sitzung/")
    assert http.get(urlsplit(link).path).status_code == 200


def test_paper_feed_tells_that_an_answer_arrived_and_which_consultations(http):
    feed, items = entries(http, "/atom/vorlage/" + quote(INQUIRY))
    titles = [e.find(f"{ATOM}title").text for e in items]
    assert "A-0412/2023" in feed.find(f"{ATOM}title").text
    assert any(t.startswith("Antwort eingegangen: A-0412/2023-AW-01") for t in titles)
    assert any(t.startswith("Neue Beratung: Stadtrat") for t in titles)


def test_body_feed_lists_its_meetings_and_consulted_papers(http, site):
    feed, items = entries(http, "/atom/gremium/" + quote(site[1]["organization"]))
    titles = [e.find(f"{ATOM}title").text for e in items]
    assert any(t.startswith("Sitzung:") for t in titles) and any(t.startswith("Beratung:") for t in titles)
    stamps = [e.find(f"{ATOM}updated").text for e in items]
    assert stamps == sorted(stamps, reverse=True)


def parse_ics(text: str) -> list[dict[str, str]]:
    lines = text.replace("\r\n ", "").split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    events, cur = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            cur = {}
        elif line == "END:VEVENT":
            events.append(cur)
            cur = None
        elif cur is not None:
            k, v = line.split(":", 1)
            cur[k] = v
    return events


def test_calendar_has_every_meeting_of_the_body_once(http, site):
    org = site[1]["organization"]
    r = http.get("/ical/gremium/" + quote(org))
    assert r.headers["content-type"].startswith("text/calendar")
    assert all(len(line.encode()) <= 75 for line in r.text.split("\r\n"))
    events = parse_ics(r.text)
    page = http.get("/gremium/" + quote(org)).text
    assert len(events) == page.count('href="/sitzung/') > 0
    assert len({e["UID"] for e in events}) == len(events)
    assert all(len(e["DTSTART"]) == 15 and e["LOCATION"] == "Rathaus\\, Saal 1" for e in events)
