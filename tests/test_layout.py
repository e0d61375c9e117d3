"""The layout holds: every statement that touches DuckDB lives in warehouse/, fetchers never import it."""

from __future__ import annotations

import re

from tests.conftest import ROOT

PACKAGE = ROOT / "ratsinfo"


def test_no_statement_runs_outside_the_warehouse_package():
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in PACKAGE.rglob("*.py") if "warehouse" not in p.parts
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if "execute(" in line]
    assert offenders == []


def test_fetchers_do_not_import_duckdb():
    offenders = [p.name for p in (PACKAGE / "ingest").glob("*.py")
                 if re.search(r"^\s*(import duckdb|from duckdb)", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []
