"""Server-side bar charts: one bar per year, heights in proportion, labels escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ratsinfo.web.svg import bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_bars_are_in_proportion_to_the_counts():
    root = ET.fromstring(bar_chart([("2019", 2), ("2020", 4), ("2021", 1)], title="Sitzungen"))
    heights = [float(r.get("height")) for r in root.iter(f"{SVG}rect")]
    assert heights[1] == max(heights) and abs(heights[0] * 2 - heights[1]) < 0.2 and heights[2] < heights[0]
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "label"] == ["2019", "2020", "2021"]


def test_titles_and_labels_are_escaped():
    root = ET.fromstring(bar_chart([("<b>", 1)], title="<script>x</script>"))
    assert root.find(f"{SVG}title").text == "<script>x</script>"
    assert not list(root.iter("script")) and not list(root.iter(f"{SVG}script"))


def test_an_empty_series_says_so():
    root = ET.fromstring(bar_chart([], title="leer"))
    assert not list(root.iter(f"{SVG}rect"))
    assert any(t.text == "keine Sitzungen erfasst" for t in root.iter(f"{SVG}text"))
