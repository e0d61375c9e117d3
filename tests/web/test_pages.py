"""The pages over HTTP: stable URLs, search with folding and filters, papers with their lineage and
answers, bodies with their chart, ask with cited passages, and nothing but reading."""

from __future__ import annotations

import csv as csv_module
import io
import re
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

INQUIRY = "paper:stadtrat-falkenried:A-0412/2023"
ANSWER = "paper:stadtrat-falkenried:A-0412/2023-AW-01"
ROUND_TABLE = "org:stadtrat-falkenried:runder tisch sicherheit am bahnhof"


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


def hit_titles(page: BeautifulSoup) -> list[str]:
    return [h.get_text(" ", strip=True) for h in page.select("ol.hits h3")]


def hit_keys(page: BeautifulSoup) -> list[str]:
    return [li["data-key"] for li in page.select("ol.hits li[data-key]")]


def test_every_page_is_german_has_one_h1_and_labels_for_every_field(http):
    for url in ["/", "/suche?q=Sicherheit", f"/vorlage/{quote(INQUIRY)}", f"/gremium/{quote(ROUND_TABLE)}",
                "/frage", "/abfragen", "/abfragen/inquiries", "/aenderungen"]:
        page = soup(http.get(url))
        assert page.html["lang"] == "de", url
        assert len(page.find_all("h1")) == 1, url
        assert page.find("meta", attrs={"name": "viewport"}), url
        for field in page.select("input:not([type=hidden]), select"):
            assert page.find("label", attrs={"for": field["id"]}), (url, field)


def test_start_lists_each_council_with_its_bodies(http):
    page = soup(http.get("/"))
    councils = {h.get_text(): h.find_next("ul") for h in page.select("#raete ~ h3")}
    assert set(councils) >= {"Stadtrat Falkenried", "Stadt Beispielhausen"}
    falkenried = [a.get_text() for a in councils["Stadtrat Falkenried"].select("a")]
    town = [a.get_text() for a in councils["Stadt Beispielhausen"].select("a")]
    assert "Runder Tisch Sicherheit" in falkenried and "Runder Tisch Sicherheit" not in town
    assert len(town) == 6


@pytest.mark.parametrize("spelling", ["Ausschüsse", "Ausschuesse", "Ausschuss", "ausschuesse"])
def test_search_meets_every_spelling_of_a_word(http, spelling):
    titles = hit_titles(soup(http.get("/suche", params={"q": spelling})))
    assert any("Sitzungsplan der Ausschüsse" in t for t in titles), (spelling, titles)


def test_snippets_mark_the_matched_word(http):
    page = soup(http.get("/suche", params={"q": "Ausschuesse"}))
    marks = [m.get_text() for m in page.select(".snippet mark")]
    assert marks and all(m.lower() == "ausschüsse" for m in marks)


def test_filters_narrow_the_results_and_pages_follow_on(http):
    every = soup(http.get("/suche", params={"q": "Bericht"}))
    total = int(every.find(id="treffer").get_text().split()[0])
    assert total > 20 and every.select_one("a[rel=next]")
    second = soup(http.get("/suche", params={"q": "Bericht", "seite": 2}))
    assert second.select_one("ol.hits")["start"] == "21"
    assert len(hit_keys(second)) == 20 and set(hit_keys(second)).isdisjoint(hit_keys(every))
    option = every.select("#gremium option[value^='oparl:organization']")[1]
    narrowed = soup(http.get("/suche", params={"q": "Bericht", "gremium": option["value"]}))
    n = int(narrowed.find(id="treffer").get_text().split()[0])
    assert 0 < n < total
    assert narrowed.select_one(f"#gremium option[value='{option['value']}']").has_attr("selected")
    none = soup(http.get("/suche", params={"q": "Bericht", "jahr": 1990}))
    assert none.find(id="treffer").get_text().startswith("0 Treffer")


def test_a_question_in_the_box_goes_to_ask(http):
    r = http.get("/suche", params={"q": "Wie oft tagte der Runde Tisch Sicherheit 2023?"})
    assert r.status_code == 303 and r.headers["location"].startswith("/frage?q=Wie+oft")


def test_paper_shows_its_data_consultations_and_lineage(http):
    page = soup(http.get(f"/vorlage/{quote(INQUIRY)}"))
    facts = dict(zip([d.get_text() for d in page.select("dl.facts dt")],
                     [d.get_text(strip=True) for d in page.select("dl.facts dd")], strict=True))
    assert facts["Drucksache"] == "A-0412/2023" and facts["Art"] == "Anfrage"
    assert "Grüne Liste" in facts["Einreicher"] and facts["Federführend"] == "Ordnungsamt"
    assert "Stadtrat" in page.find(id="beratung").find_next("table").get_text()
    answered = page.select_one(".lineage a")
    assert answered["href"] == f"/vorlage/{ANSWER}" and answered.get_text() == "A-0412/2023-AW-01"


def test_numbered_questions_stand_beside_their_answers(http):
    page = soup(http.get(f"/vorlage/{quote(ANSWER)}"))
    items = page.select("ol.qa > li")
    assert [int(li["value"]) for li in items] == sorted(int(li["value"]) for li in items) and len(items) >= 3
    for li in items:
        assert li.select_one(".q p").get_text(strip=True).endswith("?")
        assert li.select_one(".a p").get_text(strip=True)


def test_a_fact_links_to_its_passage_marked_in_the_document(http):
    page = soup(http.get(f"/vorlage/{quote(ANSWER)}"))
    link = page.select_one("#fakten ~ div a[href^='/dokument']") or page.find(id="fakten").find_next(
        "a", href=re.compile("^/dokument"))
    quoted = link.get_text().strip("„“…")
    doc = soup(http.get(link["href"].split("#")[0]))
    mark = doc.select_one("mark#stelle")
    assert mark is not None and mark.get_text().startswith(quoted)


def test_meeting_shows_its_agenda_and_marks_non_public_items(http, site):
    page = soup(http.get("/sitzung/" + quote(site[1]["meeting"])))
    rows = page.select("tbody tr")
    assert len(rows) == 5
    closed = [r for r in rows if "closed" in (r.get("class") or [])]
    assert len(closed) == 1 and "nicht öffentlich" in closed[0].get_text()
    assert page.select("tbody a[href^='/vorlage/']")


def test_body_page_draws_its_sessions_per_year(http, site):
    org = site[1]["organization"]
    page = soup(http.get("/gremium/" + quote(org)))
    bars = page.select("svg.chart rect.bar")
    caption = page.select_one("figcaption").get_text()
    counts = [int(n) for n in re.findall(r"\d{4}: (\d+)", caption)]
    assert len(bars) == len(counts) > 0
    assert [t.get_text() for t in page.select("svg.chart text.value")] == [str(n) for n in counts]
    assert page.select("#mitglieder ~ ul li")


def test_body_page_puts_rules_beside_the_meetings_on_record(http):
    page = soup(http.get("/gremium/" + quote("org:stadtrat-falkenried:runder tisch sicherheit falkenried")))
    rules = page.select("#regeln ~ .side li")
    assert any("dreimal" in li.get_text() for li in rules)
    assert page.select_one("#themen") is not None


def test_ask_links_every_citation_to_a_marked_passage(http):
    page = soup(http.get("/frage", params={"q": "Wie oft tagte der Runde Tisch Sicherheit 2023?"}))
    answer = page.select_one("ul.answer li").get_text(" ")
    assert "3 Sitzungen" in answer
    cites = page.select("ul.answer .cites a")
    assert cites
    for a in cites:
        doc = soup(http.get(a["href"].split("#")[0]))
        assert doc.select_one("mark#stelle").get_text().strip()


def test_unknown_records_are_404_in_german(http):
    r = http.get("/vorlage/paper:nirgendwo:X-1")
    assert r.status_code == 404 and "Nicht gefunden" in r.text


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_only_reading_is_allowed(http, method):
    r = http.request(method, "/abfragen/inquiries")
    assert r.status_code == 405


def test_pages_forbid_scripts(http):
    policy = http.get("/").headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy


def test_serve_binds_to_localhost_by_default(cli):
    out = cli("serve", "--help").out
    assert "127.0.0.1" in out


def test_a_repeated_request_gets_the_kept_answer_and_says_so(http):
    url = "/suche?q=Haushalt+Finanzen&seite=1"
    first, again = http.get(url), http.get(url)
    assert first.status_code == again.status_code == 200 and first.text == again.text
    assert "cache;desc=hit" not in first.headers["server-timing"]
    assert re.search(r"\bcpu;dur=[\d.]+", first.headers["server-timing"])
    assert "cache;desc=hit" in again.headers["server-timing"]
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    missing = http.get("/vorlage/gibt-es-nicht"), http.get("/vorlage/gibt-es-nicht")
    assert all(r.status_code == 404 and "cache;desc=hit" not in r.headers["server-timing"] for r in missing)


def test_a_long_query_result_is_shown_in_pages_and_downloaded_whole(http, monkeypatch):
    from ratsinfo.web import app

    monkeypatch.setattr(app, "ROWS_PER_PAGE", 2)
    first = soup(http.get("/abfragen/inquiries", params={"los": 1, "seite": 1}))  # a URL no other test asks for
    total = int(first.find("h2").get_text().split()[0])
    assert total > 2 and len(first.select("tbody tr")) == 2
    second = soup(http.get(first.select_one("a[rel=next]")["href"]))
    assert len(second.select("tbody tr")) == min(2, total - 2)
    assert second.select_one("a[rel=prev]")
    csv = http.get("/abfragen/inquiries.csv", params={"los": 1})
    assert len(list(csv_module.reader(io.StringIO(csv.text)))) == total + 1
