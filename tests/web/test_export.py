"""A canned query's result downloads as CSV, JSON, Parquet and Excel with the same rows as the page."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pyarrow.parquet as pq
import pytest
from bs4 import BeautifulSoup

from ratsinfo.web.export import export


def page_rows(http) -> list[list[str]]:
    page = BeautifulSoup(http.get("/abfragen/sessions-per-year").text, "html.parser")
    return [[td.get_text() for td in tr.find_all("td")] for tr in page.select("tbody tr")]


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet", "xlsx"])
def test_every_format_holds_the_rows_of_the_page(http, fmt):
    shown = page_rows(http)
    r = http.get(f"/abfragen/sessions-per-year.{fmt}")
    assert r.status_code == 200 and f'filename="sessions-per-year.{fmt}"' in r.headers["content-disposition"]
    if fmt == "csv":
        got = list(csv.reader(io.StringIO(r.text)))[1:]
    elif fmt == "json":
        got = [list(d.values()) for d in json.loads(r.content)]
    elif fmt == "parquet":
        got = [list(d.values()) for d in pq.read_table(io.BytesIO(r.content)).to_pylist()]
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(r.content)).active
        got = [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(got) == len(shown) > 0
    assert sorted(str(r[0]) for r in got) == sorted(r[0] for r in shown)


def test_query_parameters_reach_the_download(http):
    r = http.get("/abfragen/sessions-per-year.json", params={"year": "1990"})
    assert r.status_code == 200 and json.loads(r.content) == []
    bad = http.get("/abfragen/sessions-per-year.csv", params={"year": "neunzehn"})
    assert bad.status_code == 400


def test_unknown_format_is_404(http):
    assert http.get("/abfragen/sessions-per-year.exe").status_code == 404


def test_spreadsheet_cells_that_look_like_formulas_stay_text():
    data = export("xlsx", ["name"], [("=HYPERLINK(\"http://x\")",)])
    cell = openpyxl.load_workbook(io.BytesIO(data)).active["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
