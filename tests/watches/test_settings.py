"""Mail settings: [mail] and [web] in sources.toml, the environment wins, strict about what it reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsinfo.errors import BadInput
from ratsinfo.ops.sources import load as load_sources
from ratsinfo.watches.settings import load


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_gives_mail_and_web_settings(tmp_path):
    path = write(tmp_path, '[mail]\nhost = "smtp.example.org"\nport = 2525\nstarttls = false\nfrom = "r@example.org"\n'
                           '[web]\nbase_url = "https://rat.example.org"\n')
    s = load(path, tmp_path / "home", env={})
    assert (s.host, s.smtp_port, s.starttls, s.sender, s.web_base) == ("smtp.example.org", 2525, False,
                                                                       "r@example.org", "https://rat.example.org")
    assert s.outbox == tmp_path / "home" / "outbox"
    assert load_sources(path) == []  # the sources file itself accepts these tables


def test_the_environment_wins_and_defaults_follow_starttls(tmp_path):
    path = write(tmp_path, '[mail]\nhost = "smtp.example.org"\n')
    s = load(path, tmp_path, env={"RATSINFO_SMTP_HOST": "mail.local", "RATSINFO_SMTP_USER": "u",
                                  "RATSINFO_SMTP_PASSWORD": "p", "RATSINFO_MAIL_OUTBOX": str(tmp_path / "o")})
    assert (s.host, s.user, s.password, s.smtp_port, s.outbox) == ("mail.local", "u", "p", 587, tmp_path / "o")
    assert load(None, tmp_path, env={"RATSINFO_SMTP_STARTTLS": "no"}).smtp_port == 25
    assert load(None, tmp_path, env={}).host is None  # no host: .eml files


@pytest.mark.parametrize("text, env, message", [
    ('[mail]\nhots = "x"\n', {}, "unknown key"),
    ('[mail]\nport = "25"\n', {}, "port must be a int"),
    ('[web]\nbase_url = "rat.example.org"\n', {}, "must start with http"),
    ("", {"RATSINFO_SMTP_PORT": "smtp"}, "not a port number"),
    ("", {"RATSINFO_SMTP_STARTTLS": "vielleicht"}, "write true or false"),
    ("", {"RATSINFO_SMTP_USER": "u"}, "no password"),
])
def test_mistakes_are_named(tmp_path, text, env, message):
    with pytest.raises(BadInput, match=message):
        load(write(tmp_path, text), tmp_path, env=env)


def test_the_sources_file_rejects_unknown_tables(tmp_path):
    with pytest.raises(BadInput, match="unknown table"):
        load_sources(write(tmp_path, '[smtp]\nhost = "x"\n'))
