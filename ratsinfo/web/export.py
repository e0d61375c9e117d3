"""Query results as downloads: CSV, JSON, Parquet and Excel, each built in memory from one result."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json",
           "parquet": "application/vnd.apache.parquet",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _plain(value: Any) -> Any:
    """A value as JSON and spreadsheets hold it: dates as ISO text, lists joined for cells elsewhere."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _cell(value: Any) -> Any:
    v = _plain(value)
    if isinstance(v, list):
        return "; ".join("" if x is None else str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return v


def to_csv(columns: list[str], rows: list[tuple]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(columns)
    for r in rows:
        w.writerow(["" if v is None else _cell(v) for v in r])
    return buf.getvalue().encode("utf-8")


def to_json(columns: list[str], rows: list[tuple]) -> bytes:
    data = [{c: _plain(v) for c, v in zip(columns, r, strict=False)} for r in rows]
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def to_parquet(columns: list[str], rows: list[tuple]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
    try:
        table = pa.table(cols)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed types in a column: keep them as text
        table = pa.table({c: [None if v is None else str(_cell(v)) for v in vs] for c, vs in cols.items()})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def to_xlsx(columns: list[str], rows: list[tuple], sheet: str = "Ergebnis") -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    ws = book.add_worksheet(sheet[:31])
    bold = book.add_format({"bold": True})
    ws.write_row(0, 0, columns, bold)
    for i, r in enumerate(rows, 1):
        ws.write_row(i, 0, [_cell(v) for v in r])
    book.close()
    return buf.getvalue()


WRITERS = {"csv": to_csv, "json": to_json, "parquet": to_parquet, "xlsx": to_xlsx}


def export(fmt: str, columns: list[str], rows: list[tuple]) -> bytes:
    return WRITERS[fmt](columns, rows)
