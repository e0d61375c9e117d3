"""sources.toml: the systems a nightly refresh reads, one [[source]] table each.

    [[source]]
    name = "leipzig"              # how status and changes name it
    kind = "oparl"                # oparl | allris | files
    url = "https://ratsinfo.example.org/oparl/system"   # or path = "exports/" for files
    max_rps = 5                   # requests per second per host
    allow_hosts = []              # further hosts the source may link to
    enabled = true
    stale_after_days = 7          # flag the source when nothing new arrived for this long
    private_hosts = []            # hosts that may resolve to private or loopback addresses (intranet servers)
    time_budget = 3600            # seconds a refresh may spend on this source (optional)

A [mail] and a [web] table say where the watches' digests go (ratsinfo/watches/settings.py).
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ratsinfo.errors import BadInput, printable

KINDS = ("oparl", "allris", "files")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
TABLES = {"source", "mail", "web"}  # [mail] and [web]: see ratsinfo/watches/settings.py


@dataclass
class SourceConfig:
    name: str
    kind: str
    url: str | None = None
    path: str | None = None
    max_rps: float = 5.0
    allow_hosts: list[str] = field(default_factory=list)
    enabled: bool = True
    stale_after_days: int = 7
    files: bool = True
    body: str | None = None
    concurrency: int = 4
    private_hosts: list[str] = field(default_factory=list)  # hosts that may resolve to private/loopback addresses
    time_budget: float | None = None  # seconds one refresh may spend on this source

    @property
    def location(self) -> str:
        return self.url or self.path or ""


def load(path: Path) -> list[SourceConfig]:
    if not path.exists():
        raise BadInput(f"{path}: no sources file; create one with 'ratsinfo sources add' or pass --config")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path}: cannot be read ({exc}); fix the file") from exc
    return parse(text, path)


_TYPES: dict[str, tuple[type, ...]] = {
    "name": (str,), "kind": (str,), "url": (str,), "path": (str,), "max_rps": (int, float), "allow_hosts": (list,),
    "enabled": (bool,), "stale_after_days": (int,), "files": (bool,), "body": (str,), "concurrency": (int,),
    "private_hosts": (list,), "time_budget": (int, float)}


def parse(text: str, path: Path) -> list[SourceConfig]:
    """Every [[source]] of a sources file, each checked; BadInput names the entry and what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"{path}: not valid TOML ({exc}); fix the file") from exc
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise BadInput(f"{path}: 'source' must be a list of [[source]] tables")
    unknown_tables = set(data) - TABLES
    if unknown_tables:
        raise BadInput(f"{path}: unknown table(s) {', '.join(sorted(unknown_tables))}; "
                       f"known are {', '.join(sorted(TABLES))}")
    out: list[SourceConfig] = []
    names: set[str] = set()
    for i, entry in enumerate(entries, 1):
        where = f"{path}: [[source]] number {i}"
        if not isinstance(entry, dict):
            raise BadInput(f"{where}: not a table")
        unknown = set(entry) - {f for f in SourceConfig.__dataclass_fields__}
        if unknown:
            raise BadInput(f"{where}: unknown key(s) {', '.join(sorted(printable(u) for u in unknown))}")
        try:
            cfg = SourceConfig(**entry)
        except TypeError as exc:
            raise BadInput(f"{where}: {exc}") from exc
        validate(cfg, where)
        if cfg.name in names:
            raise BadInput(f"{where}: the name {cfg.name!r} is used twice")
        names.add(cfg.name)
        out.append(cfg)
    return out


def validate(cfg: SourceConfig, where: str) -> None:
    """Types and ranges of one source: what a refresh relies on."""
    for name, types in _TYPES.items():
        value = getattr(cfg, name)
        if value is None and name in ("url", "path", "body", "time_budget"):
            continue
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise BadInput(f"{where}: {name} must be {' or '.join(t.__name__ for t in types)}, not {value!r}")
    if not cfg.name.strip() or _CONTROL.search(cfg.name):
        raise BadInput(f"{where}: the name must be a non-empty line of text")
    if cfg.kind not in KINDS:
        raise BadInput(f"{where}: kind {printable(cfg.kind)!r} is not one of {', '.join(KINDS)}")
    if cfg.kind in ("oparl", "allris"):
        url = cfg.url or ""
        if not url.startswith(("http://", "https://")) or _CONTROL.search(url) or " " in url:
            raise BadInput(f"{where}: kind {cfg.kind} needs url = \"https://...\" (one URL, no spaces)")
        try:
            urlsplit(url).port  # noqa: B018 - raises on a port out of range
        except ValueError as exc:
            raise BadInput(f"{where}: url {printable(url)!r} is not valid ({exc})") from exc
    if cfg.kind == "files" and not cfg.path:
        raise BadInput(f"{where}: kind files needs path = \"folder\"")
    if not math.isfinite(cfg.max_rps) or cfg.max_rps <= 0:
        raise BadInput(f"{where}: max_rps must be a number above 0 (requests per second), not {cfg.max_rps!r}")
    if cfg.concurrency < 1 or cfg.concurrency > 64:
        raise BadInput(f"{where}: concurrency must be between 1 and 64, not {cfg.concurrency}")
    if cfg.stale_after_days < 0:
        raise BadInput(f"{where}: stale_after_days must be 0 or more, not {cfg.stale_after_days}")
    for key in ("allow_hosts", "private_hosts"):
        if not all(isinstance(h, str) and h and not _CONTROL.search(h) and " " not in h for h in getattr(cfg, key)):
            raise BadInput(f"{where}: {key} must be a list of host names (host or host:port)")
    if cfg.time_budget is not None and (not math.isfinite(cfg.time_budget) or cfg.time_budget <= 0):
        raise BadInput(f"{where}: time_budget must be a number of seconds above 0, not {cfg.time_budget!r}")


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def add(path: Path, cfg: SourceConfig) -> None:
    """Append a source; it is checked, and what the file would then hold read back, before anything is written."""
    validate(cfg, f"the new source {printable(cfg.name)!r}")
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    existing = parse(old, path)
    if any(s.name == cfg.name for s in existing):
        raise BadInput(f"{path}: a source named {cfg.name!r} exists already")
    lines = ["", "[[source]]"]
    for k, v in asdict(cfg).items():
        if v is not None:
            lines.append(f"{k} = {_toml_value(v)}")
    new = ("" if not old or old.endswith("\n") else "\n") + "\n".join(lines) + "\n"
    parse(old + new, path)  # what would be written must read back
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(new)


def source_key(cfg: SourceConfig) -> str:
    """The key runs of this source carry: built where the ingest builds it (pipeline/common.py)."""
    from ratsinfo.pipeline.common import allris_source, files_source, oparl_source

    if cfg.kind == "files":
        return files_source([cfg.path or ""], cfg.body, cfg.name).key
    if cfg.kind == "oparl":
        return oparl_source(cfg.url or "", cfg.name).key
    return allris_source(cfg.url or "", cfg.name).key
