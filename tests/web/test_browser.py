"""A real headless Chromium (the system's own, driven by Playwright) through the journeys of a reader:
search with a filter, open a paper, follow the inquiry to its answer, open a cited passage and see it
marked, run a canned query and download CSV, subscribe to a feed and parse it. The screenshots in
docs/screenshots/ that the README shows are taken here."""

from __future__ import annotations

import csv
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and Path(p).exists()), None)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if CHROMIUM is None:
        pytest.skip("no chromium on this machine (CI installs it: apt-get install -y chromium)")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server.url, locale="de-DE", viewport={"width": 1100, "height": 800},
                                  accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_search_with_a_filter_then_open_the_inquiry_and_follow_it_to_its_answer(page):
    page.goto("/")
    shot(page, "start")
    page.get_by_label("Suchen oder fragen").fill("Runder Tisch Sicherheit")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**/suche?q=*")
    everything = page.locator("ol.hits > li[data-key]").count()
    page.get_by_label("Vorlagenart").select_option("Anfrage")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**art=Anfrage*")
    hits = page.locator("ol.hits > li[data-key]")
    assert 0 < hits.count() < everything
    shot(page, "search")
    hits.first.locator("h3 a").click()
    assert page.locator("h1").inner_text().startswith("Runder Tisch Sicherheit am Bahnhof")
    assert "Anfrage A-0412/2023" in page.locator(".kicker").inner_text()
    shot(page, "paper")
    page.locator(".lineage").get_by_role("link", name="A-0412/2023-AW-01").click()
    page.wait_for_url("**/vorlage/paper:stadtrat-falkenried:A-0412/2023-AW-01")
    assert page.locator("ol.qa > li").count() >= 3
    assert page.locator("ol.qa > li").first.locator(".a p").first.inner_text()
    page.locator("#fragen").scroll_into_view_if_needed()
    shot(page, "answer")


def test_ask_and_open_a_cited_passage_marked_in_its_document(page):
    page.goto("/frage")
    page.get_by_label("Frage").fill("Wie oft tagte der Runde Tisch Sicherheit 2023?")
    page.get_by_role("button", name="Beantworten").click()
    answer = page.locator("ul.answer li").first
    assert "3 Sitzungen" in answer.inner_text()
    shot(page, "ask")
    answer.locator(".cites a").first.click()
    page.wait_for_url("**/dokument?**")
    mark = page.locator("mark#stelle")
    assert mark.is_visible() and mark.inner_text().strip()
    box, height = mark.bounding_box(), page.viewport_size["height"]
    assert box is not None and 0 < box["y"] < height  # the anchor scrolled the passage into view
    shot(page, "passage")


def test_run_a_canned_query_and_download_it_as_csv(page, tmp_path):
    page.goto("/abfragen")
    page.get_by_role("link", name="sessions-per-year").click()
    page.get_by_label("year").fill("2023")
    page.get_by_role("button", name="Abfrage ausführen").click()
    page.wait_for_url("**year=2023*")
    rows = page.locator("tbody tr")
    assert rows.count() > 0
    shot(page, "query")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    path = tmp_path / "result.csv"
    info.value.save_as(path)
    table = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(table) == rows.count() and {r["year"] for r in table} == {"2023"}


def test_subscribe_to_a_body_feed_and_parse_it(page):
    page.goto("/")
    page.locator("#raete ~ ul a", has_text="Runder Tisch Sicherheit").first.click()
    shot(page, "body")
    feed = page.get_by_role("link", name="Feed abonnieren")
    href = feed.get_attribute("href")
    answer = page.request.get(href)
    assert answer.ok and answer.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(answer.body())
    assert root.find("{http://www.w3.org/2005/Atom}title").text == page.locator("h1").inner_text()


def test_keyboard_reaches_the_content_first_and_a_phone_needs_no_sideways_scrolling(browser, server):
    context = browser.new_context(base_url=server.url, viewport={"width": 390, "height": 844}, is_mobile=True)
    pg = context.new_page()
    pg.goto("/vorlage/paper:stadtrat-falkenried:A-0412/2023-AW-01")
    assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(pg, "phone")
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.textContent") == "Zum Inhalt springen"
    pg.keyboard.press("Enter")
    assert pg.evaluate("document.activeElement.id") == "inhalt"
    context.close()
