"""sources.toml: the systems a nightly refresh reads, one [[source]] table each.

    [[source]]
    name = "leipzig"              # how status and changes name it
    kind = "oparl"                # oparl | allris | files
    url = "https://ratsinfo.example.org/oparl/system"   # or path = "exports/" for files
    max_rps = 5                   # requests per second per host
    allow_hosts = []              # further hosts the source may link to
    enabled = true
    stale_after_days = 7          # flag the source when nothing new arrived for this long

A [mail] and a [web] table say where the watches' digests go (ratsinfo/watches/settings.py).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ratsinfo.errors import BadInput

KINDS = ("oparl", "allris", "files")
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

    @property
    def location(self) -> str:
        return self.url or self.path or ""


def load(path: Path) -> list[SourceConfig]:
    if not path.exists():
        raise BadInput(f"{path}: no sources file; create one with 'ratsinfo sources add' or pass --config")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"{path}: not valid TOML ({exc}); fix the file") from exc
    unknown_tables = set(data) - TABLES
    if unknown_tables:
        raise BadInput(f"{path}: unknown table(s) {', '.join(sorted(unknown_tables))}; "
                       f"known are {', '.join(sorted(TABLES))}")
    out: list[SourceConfig] = []
    names: set[str] = set()
    for i, entry in enumerate(data.get("source", []), 1):
        where = f"{path}: [[source]] number {i}"
        unknown = set(entry) - {f for f in SourceConfig.__dataclass_fields__}
        if unknown:
            raise BadInput(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        try:
            cfg = SourceConfig(**entry)
        except TypeError as exc:
            raise BadInput(f"{where}: {exc}") from exc
        if cfg.kind not in KINDS:
            raise BadInput(f"{where}: kind {cfg.kind!r} is not one of {', '.join(KINDS)}")
        if cfg.kind in ("oparl", "allris") and not (cfg.url or "").startswith(("http://", "https://")):
            raise BadInput(f"{where}: kind {cfg.kind} needs url = \"https://...\"")
        if cfg.kind == "files" and not cfg.path:
            raise BadInput(f"{where}: kind files needs path = \"folder\"")
        if cfg.name in names:
            raise BadInput(f"{where}: the name {cfg.name!r} is used twice")
        names.add(cfg.name)
        out.append(cfg)
    return out


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def add(path: Path, cfg: SourceConfig) -> None:
    existing = load(path) if path.exists() else []
    if any(s.name == cfg.name for s in existing):
        raise BadInput(f"{path}: a source named {cfg.name!r} exists already")
    lines = ["", "[[source]]"]
    for k, v in asdict(cfg).items():
        if v is not None:
            lines.append(f"{k} = {_toml_value(v)}")
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    load(path)  # what was written must read back


def source_key(cfg: SourceConfig) -> str:
    """The key runs of this source carry (as the ingest functions make it)."""
    from urllib.parse import urlsplit

    if cfg.kind == "files":
        from ratsinfo.pipeline import scope_name

        return f"files:{scope_name(cfg.body) if cfg.body else 'local'}"
    parts = urlsplit(cfg.url or "")
    if cfg.kind == "oparl":
        return f"oparl:{parts.netloc}{parts.path}"
    base = (cfg.url or "").split("?", 1)[0]
    if base.endswith(".asp"):
        base = base.rsplit("/", 1)[0]
    return f"allris:{parts.netloc}{urlsplit(base.rstrip('/') + '/').path}"
