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

Hundreds of sources share a few hosts (one SD.NET or ALLRIS host serves dozens of councils), so a
host's budget is the host's, not each source's: a [host."name:port"] table sets it, else the strictest
of its sources' max_rps and concurrency holds. `ratsinfo sources import` writes sources grouped by host.

    [host."ris.example.org"]
    max_rps = 2                   # requests per second to this host, whatever number of sources and workers
    concurrency = 2               # requests in flight to this host at once
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
TABLES = {"source", "host", "mail", "web"}  # [mail] and [web]: see ratsinfo/watches/settings.py


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
    host_tables(text, path)
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


@dataclass(frozen=True)
class HostLimit:
    """What one host is asked to bear from all sources and all workers together."""

    max_rps: float
    concurrency: int


def host_limits(path: Path, configs: list[SourceConfig] | None = None) -> dict[str, HostLimit]:
    """Each host's budget: its [host."..."] table, else the strictest of the sources on it."""
    from ratsinfo.ingest.http import host_of

    text = path.read_text(encoding="utf-8") if path.exists() else ""
    configs = parse(text, path) if configs is None else configs
    out: dict[str, HostLimit] = {}
    for cfg in configs:
        if cfg.url:
            h = host_of(cfg.url)
            old = out.get(h)
            out[h] = HostLimit(min(cfg.max_rps, old.max_rps) if old else cfg.max_rps,
                               min(cfg.concurrency, old.concurrency) if old else cfg.concurrency)
    out.update(host_tables(text, path))
    return out


def host_tables(text: str, path: Path) -> dict[str, HostLimit]:
    """The [host."..."] tables of a sources file, each checked."""
    tables = tomllib.loads(text).get("host", {}) if text else {}
    out: dict[str, HostLimit] = {}
    for name, table in tables.items():
        where = f"{path}: [host.{json.dumps(name)}]"
        if not isinstance(table, dict) or set(table) - {"max_rps", "concurrency"}:
            raise BadInput(f"{where}: a host table holds max_rps and concurrency only")
        rps, conc = table.get("max_rps", 5.0), table.get("concurrency", 4)
        if not isinstance(rps, int | float) or isinstance(rps, bool) or not math.isfinite(rps) or rps <= 0:
            raise BadInput(f"{where}: max_rps must be a number above 0, not {rps!r}")
        if not isinstance(conc, int) or isinstance(conc, bool) or not 1 <= conc <= 64:
            raise BadInput(f"{where}: concurrency must be between 1 and 64, not {conc!r}")
        out[name.lower()] = HostLimit(float(rps), conc)
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


@dataclass
class Imported:
    added: list[SourceConfig] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line each: which entry, and why
    bad: int = 0  # entries that are not an endpoint at all


def read_endpoints(path: Path) -> list[Any]:
    """A list of OParl endpoints as public lists keep them (YAML or JSON): objects with title and url."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path}: cannot be read ({exc})") from exc
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BadInput(f"{path}: not a valid {'JSON' if path.suffix.lower() == '.json' else 'YAML'} list ({first})"
                       ) from exc
    if not isinstance(data, list):
        raise BadInput(f"{path}: expected a list of endpoints (objects with title and url), not {type(data).__name__}")
    return data


def import_endpoints(path: Path, entries: list[Any], *, origin: str = "the list", max_rps: float = 5.0,
                     concurrency: int = 4) -> Imported:
    """Add every new endpoint as an OParl source, grouped by host; a [host] table for each new host.

    Entries already configured (same URL) are skipped, bad ones are named; nothing is written unless the
    whole file reads back."""
    from ratsinfo.ingest.http import host_of

    old = path.read_text(encoding="utf-8") if path.exists() else ""
    existing = parse(old, path)
    names = {s.name for s in existing}
    urls = {s.url for s in existing if s.url}
    hosts = set(tomllib.loads(old).get("host", {})) if old else set()
    out = Imported()
    for i, entry in enumerate(entries, 1):
        where = f"{origin}: entry {i}"
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            out.skipped.append(f"{where}: no url; skipped")
            out.bad += 1
            continue
        url = entry["url"].strip()
        if url in urls:
            out.skipped.append(f"{where}: {printable(url)} is configured already; skipped")
            continue
        title = entry.get("title")
        name = _CONTROL.sub(" ", title).strip() if isinstance(title, str) and title.strip() else host_of(url)
        base, n = name, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        cfg = SourceConfig(name=name, kind="oparl", url=url, max_rps=max_rps, concurrency=concurrency)
        try:
            validate(cfg, where)
        except BadInput as exc:
            out.skipped.append(str(exc).removesuffix(".") + "; skipped")
            out.bad += 1
            continue
        names.add(name)
        urls.add(url)
        out.added.append(cfg)
    by_host: dict[str, list[SourceConfig]] = {}
    for cfg in out.added:
        by_host.setdefault(host_of(cfg.url or ""), []).append(cfg)
    lines: list[str] = []
    for host in sorted(by_host):
        group = by_host[host]
        lines += ["", f"# {host}: {len(group)} source{'s' if len(group) != 1 else ''}"]
        if host not in hosts:
            lines += [f"[host.{json.dumps(host)}]", f"max_rps = {max_rps!r}", f"concurrency = {concurrency}"]
        for cfg in group:
            lines.append("[[source]]")
            lines += [f"{k} = {_toml_value(v)}" for k, v in asdict(cfg).items() if v is not None]
    if not lines:
        return out
    new = ("" if not old or old.endswith("\n") else "\n") + "\n".join(lines) + "\n"
    parse(old + new, path)
    host_tables(old + new, path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(old + new, encoding="utf-8")
    tmp.replace(path)
    return out
