"""Reports the CLI prints (status, demo): SQL from files beside this module, bound params."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import duckdb


@cache
def sql_text(name: str) -> str:
    return (resources.files("ratsinfo.warehouse") / "sql" / f"{name}.sql").read_text(encoding="utf-8")


def rows(con: duckdb.DuckDBPyConnection, name: str, params: list[Any] | None = None
         ) -> tuple[list[str], list[tuple]]:
    cur = con.execute(sql_text(name), params or [])
    return [d[0] for d in cur.description], cur.fetchall()
