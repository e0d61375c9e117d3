"""Fail fast on the optional modules DuckDB's binding looks for at every bound parameter.

DuckDB's Python binding tries ``import pandas`` (and a few others) whenever it converts a parameter
or result; when the module is not installed, each try walks the whole import path again, which cost
about half of a no-change refresh. A module found missing once stays missing for the process.
"""

from __future__ import annotations

import importlib.util
import sys
from importlib.abc import MetaPathFinder

PROBED = ("pandas", "polars", "substrait", "dateutil")  # what the binding asks for (seen by tracing imports)


class AbsentModules(MetaPathFinder):
    def __init__(self, names: frozenset[str]) -> None:
        self.names = names

    def find_spec(self, fullname: str, path=None, target=None):  # noqa: ANN001, ANN201 - the finder protocol
        if path is None and fullname in self.names:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


def install() -> None:
    """Put the finder first on the import path (once), for the probed modules that are not installed."""
    if any(isinstance(f, AbsentModules) for f in sys.meta_path):
        return
    missing = frozenset(n for n in PROBED if n not in sys.modules and importlib.util.find_spec(n) is None)
    if missing:
        sys.meta_path.insert(0, AbsentModules(missing))
