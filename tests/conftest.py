"""Shared fixtures: the real corpus beside the project, a fresh warehouse, the CLI in-process."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from ratsinfo.cli import run
from ratsinfo.ingest.rawstore import RawStore
from ratsinfo.warehouse.db import connect

# Retries against the loopback servers need no real backoff; subprocesses inherit this.
os.environ.setdefault("RATSINFO_RETRY_BACKOFF", "0.02")
# The suite runs three test processes on two cores: one DuckDB thread per writer spends a quarter less CPU
# than one per core on its small tables. (The determinism test varies it.)
os.environ.setdefault("RATSINFO_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the real corpus is not at {CORPUS} (it sits beside the project in CI)")
    return CORPUS


@pytest.fixture
def fresh_db(tmp_path: Path):
    con = connect(tmp_path / "w.duckdb")
    yield con
    con.close()


@pytest.fixture
def store(tmp_path: Path) -> RawStore:
    return RawStore(tmp_path / "home")


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(tmp_path: Path, capsys):
    """Call ratsinfo in-process with its own warehouse and raw store under tmp_path."""
    db, home = tmp_path / "cli.duckdb", tmp_path / "cli-home"

    def call(*args: str, db_path: Path | None = None) -> Result:
        capsys.readouterr()
        code = run(["--db", str(db_path or db), "--home", str(home), *args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    call.db = db  # type: ignore[attr-defined]
    call.home = home  # type: ignore[attr-defined]
    return call


def _tesseract_mark() -> pytest.MarkDecorator:
    """Skip a test that reads scans when this machine has no Tesseract (CI installs it in .ci/run)."""
    from ratsinfo.parsers import ocr

    why = ocr.unavailable()
    return pytest.mark.skipif(why is not None, reason=f"OCR tests skipped: {why} (CI installs it in .ci/run)")


needs_tesseract = _tesseract_mark()


# The suite runs in three processes that take whole files in this order (`--no-loadscope-reorder`); a long file
# taken last runs alone at the end while the others wait, so the longest go first and the rest keep their order.
LONGEST_FIRST = ("tests/scale/test_crawl.py", "tests/test_refresh_kill.py", "tests/ingest/test_oparl.py",
                 "tests/test_pipeline.py", "tests/warehouse/test_search.py", "tests/queries/test_kept.py",
                 "tests/test_refresh.py")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))
