"""Mail and link settings: the ``[mail]`` and ``[web]`` tables of sources.toml, overridden by the
environment (RATSINFO_SMTP_HOST, _PORT, _USER, _PASSWORD, _STARTTLS, RATSINFO_MAIL_FROM,
RATSINFO_MAIL_OUTBOX, RATSINFO_WEB_BASE), so that a password need not be written into a file.

    [mail]
    host = "smtp.example.org"     # without a host, digests are written as .eml files to `outbox`
    port = 587
    starttls = true
    user = "ratsinfo"
    password = "…"                # better: RATSINFO_SMTP_PASSWORD
    from = "ratsinfo@example.org"
    outbox = "outbox"             # default: the folder outbox/ in the raw store

    [web]
    base_url = "https://rat.example.org"   # links go to the web app; without it, to the source
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ratsinfo.errors import BadInput

MAIL_KEYS = {"host": str, "port": int, "starttls": bool, "user": str, "password": str, "from": str, "outbox": str}
WEB_KEYS = {"base_url": str}
TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


@dataclass
class MailSettings:
    host: str | None = None
    port: int | None = None
    starttls: bool = True
    user: str | None = None
    password: str | None = None
    sender: str = "ratsinfo@localhost"
    outbox: Path | None = None
    web_base: str | None = None

    @property
    def smtp_port(self) -> int:
        return self.port or (587 if self.starttls else 25)


def _table(data: dict, name: str, keys: dict[str, type], where: str) -> dict:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise BadInput(f"{where}: [{name}] must be a table")
    unknown = set(table) - set(keys)
    if unknown:
        raise BadInput(f"{where}: [{name}] has unknown key(s) {', '.join(sorted(unknown))}; "
                       f"known are {', '.join(sorted(keys))}")
    for k, v in table.items():
        if not isinstance(v, keys[k]) or (keys[k] is int and isinstance(v, bool)):
            raise BadInput(f"{where}: [{name}] {k} must be a {keys[k].__name__}, not {v!r}")
    return table


def load(path: Path | None, home: Path, env: Mapping[str, str] | None = None) -> MailSettings:
    """Settings from the file (if it exists) and the environment, which wins; strict about what it reads."""
    env = os.environ if env is None else env
    mail: dict = {}
    web: dict = {}
    if path is not None and path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise BadInput(f"{path}: not valid TOML ({exc}); fix the file") from exc
        mail = _table(data, "mail", MAIL_KEYS, str(path))
        web = _table(data, "web", WEB_KEYS, str(path))
    s = MailSettings(host=mail.get("host"), port=mail.get("port"), starttls=mail.get("starttls", True),
                     user=mail.get("user"), password=mail.get("password"),
                     sender=mail.get("from", "ratsinfo@localhost"),
                     outbox=Path(mail["outbox"]) if "outbox" in mail else None, web_base=web.get("base_url"))
    if env.get("RATSINFO_SMTP_HOST"):
        s.host = env["RATSINFO_SMTP_HOST"]
    if env.get("RATSINFO_SMTP_PORT"):
        try:
            s.port = int(env["RATSINFO_SMTP_PORT"])
        except ValueError as exc:
            raise BadInput(f"RATSINFO_SMTP_PORT={env['RATSINFO_SMTP_PORT']!r} is not a port number") from exc
    if env.get("RATSINFO_SMTP_STARTTLS"):
        flag = env["RATSINFO_SMTP_STARTTLS"].casefold()
        if flag not in TRUE | FALSE:
            raise BadInput(f"RATSINFO_SMTP_STARTTLS={flag!r}: write true or false")
        s.starttls = flag in TRUE
    s.user = env.get("RATSINFO_SMTP_USER") or s.user
    s.password = env.get("RATSINFO_SMTP_PASSWORD") or s.password
    s.sender = env.get("RATSINFO_MAIL_FROM") or s.sender
    if env.get("RATSINFO_MAIL_OUTBOX"):
        s.outbox = Path(env["RATSINFO_MAIL_OUTBOX"])
    s.web_base = env.get("RATSINFO_WEB_BASE") or s.web_base
    if s.web_base and not s.web_base.startswith(("http://", "https://")):
        raise BadInput(f"the web base URL {s.web_base!r} must start with http:// or https://")
    if s.outbox is None:
        s.outbox = Path(home) / "outbox"
    if s.user and not s.password:
        raise BadInput("an SMTP user is set but no password: set RATSINFO_SMTP_PASSWORD")
    return s
