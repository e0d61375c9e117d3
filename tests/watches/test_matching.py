"""Which changes a watch reports: searches on German stems with filters, a body's meetings, a paper's news."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import quote

import pytest

from ratsinfo.warehouse import watches as wh
from ratsinfo.warehouse.db import connect
from ratsinfo.watches import watch_items
from ratsinfo.watches.matching import Context, items_for
from ratsinfo.watches.model import Watch


@pytest.fixture
def con(news):
    c = connect(news.db)
    yield c
    c.close()


def search(con, words: str, **filters: str) -> list[str]:  # noqa: ANN001
    ctx = Context(con, wh.runs_after(con, 0, None), None)
    return [i.title.split(" – ")[0] for i in items_for(ctx, Watch(id=99, kind="search", words=words, **filters))]


def test_each_watch_gets_its_own_news(con, news):
    ids = news.watch_ids
    (paper,) = watch_items(con, ids["search"])
    assert paper.title.startswith("VO/2025/0500") and paper.happened == ["neu eingestellt"]
    (meeting,) = watch_items(con, ids["body"])
    assert "500. Sitzung" in meeting.title and meeting.happened == ["neue Sitzung", "Tagesordnung mit 3 Punkten"]
    assert len(meeting.ids) == 4  # the meeting and its three agenda items
    (inquiry,) = watch_items(con, ids["paper"])
    assert inquiry.title.startswith("VO/2020/0004") and inquiry.happened == ["Antwort eingegangen: VO/2025/0501"]


def test_items_are_limited_to_runs_since_a_day(con, news):
    assert watch_items(con, news.watch_ids["search"], date.today() + timedelta(days=1)) == []
    assert len(watch_items(con, news.watch_ids["search"], date.today())) == 1
    assert watch_items(con, 12345) == []


def test_search_words_match_on_german_stems_accents_and_word_starts(con):
    assert search(con, "Radwegen grundschule") == ["VO/2025/0500"]
    assert search(con, "Bänke") == search(con, "bank") == ["VO/2025/0502"]
    assert search(con, "Stadt") == ["VO/2025/0502"]  # the start of "Stadtpark"
    assert search(con, "park") == []  # the end of a compound is not a word of its own
    assert search(con, "Radweg Bänke") == []  # every word must occur


def test_search_filters_narrow_the_hits(con):
    assert search(con, "Radweg", paper_type="antrag") == ["VO/2025/0500"]
    assert search(con, "Radweg", paper_type="Anfrage") == []
    assert search(con, "Radweg", council="Beispielhausen") == ["VO/2025/0500"]
    assert search(con, "Radweg", council="Anderswo") == []
    assert search(con, "Radweg", faction="Liste 3") == []


def test_links_go_to_the_web_app_when_it_is_configured(con, news):
    (plain,) = watch_items(con, news.watch_ids["search"])
    assert plain.link == f"{news.srv.town.base}/paper/500"
    (linked,) = watch_items(con, news.watch_ids["search"], web_base_url="https://rat.example.org/")
    assert linked.link == "https://rat.example.org/paper/" + quote(plain.subject, safe="")
    (meeting,) = watch_items(con, news.watch_ids["body"], web_base_url="https://rat.example.org")
    assert meeting.link.startswith("https://rat.example.org/meeting/oparl%3Ameeting%3Ahttp")


def test_a_body_hears_of_moved_meetings_and_results_and_a_paper_of_new_consultations(town, tmp_path):
    from ratsinfo.watches.settings import MailSettings

    objects, b = town.srv.town.objects, town.srv.town.base
    meeting = objects["meeting"][f"{b}/meeting/4"]  # a meeting of the watched body
    meeting["start"] = "2025-04-01T18:00:00+00:00"
    meeting["agendaItem"][0]["result"] = "abgelehnt"
    town.srv.town.touch(meeting)
    paper = objects["paper"][f"{b}/paper/4"]  # the watched inquiry
    paper["consultation"].append({"id": f"{b}/consultation/900", "type": "https://schema.oparl.org/1.1/Consultation",
                                  "paper": paper["id"], "organization": [f"{b}/organization/0"],
                                  "meeting": f"{b}/meeting/4", "role": "Entscheidung"})
    town.srv.town.touch(paper)
    town.refresh(MailSettings(outbox=tmp_path / "outbox"))
    con = connect(town.db)
    try:
        (moved,) = watch_items(con, town.watch_ids["body"])
        (inquiry,) = watch_items(con, town.watch_ids["paper"])
    finally:
        con.close()
    assert moved.title == "Ausschuss für Radverkehr: 5. Sitzung am 01.04.2025, 18:00 Uhr"
    assert any(h.startswith("geändert: Beginn: ") and h.endswith("→ 2025-04-01 18:00:00") for h in moved.happened)
    assert "Ergebnis: abgelehnt" in moved.happened
    assert inquiry.happened == ["neue Beratung: Ausschuss für Radverkehr, Entscheidung"]
