"""One path per source kind: fetch → raw store → detect → parse → extract → load, in batches, each
batch one transaction; ``reparse`` runs the same parsers over what the raw store already holds.

Names are imported on first use, so a command pays only for the source kind it reads.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {"ingest_allris": "allris", "ingest_files": "files", "ingest_oparl": "oparl", "reparse": "reparse",
          "add_extraction": "common", "scope_name": "common"}

__all__ = ["Run", "add_extraction", "ingest_allris", "ingest_files", "ingest_oparl", "reparse", "scope_name"]


def __getattr__(name: str) -> Any:
    if name == "Run":
        from ratsinfo.warehouse.runs import Run

        return Run
    if name in _WHERE:
        value = getattr(import_module(f"ratsinfo.pipeline.{_WHERE[name]}"), name)
        globals()[name] = value  # over the submodule of the same name ("reparse") that the import just bound
        return value
    raise AttributeError(f"module 'ratsinfo.pipeline' has no attribute {name!r}")
