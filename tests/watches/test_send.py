"""Delivery: one digest per recipient after a refresh, each change once, failures retried, crashes not resent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

from ratsinfo.ops.refresh import EXIT_OK
from ratsinfo.warehouse import watches as wh
from ratsinfo.warehouse.db import connect
from ratsinfo.watches.digest import render
from ratsinfo.watches.send import EmlTransport, deliver, pending
from ratsinfo.watches.settings import MailSettings
from tests.conftest import ROOT
from tests.watches.conftest import A, B

NEWS = ("VO/2025/0500 – Sichere Radwege zu den Grundschulen (Antrag)",
        "Ausschuss für Radverkehr: 500. Sitzung am 05.03.2025, 18:00 Uhr",
        "VO/2020/0004 – Lärmschutz im Quartier 4 (Anfrage)")


def text_of(msg) -> str:  # noqa: ANN001
    return msg.get_content().replace("\r\n", "\n")


def send(town, mail: MailSettings, **kw):  # noqa: ANN001, ANN201
    con = connect(town.db)
    try:
        return deliver(con, mail, **kw)
    finally:
        con.close()


def test_a_refresh_sends_each_recipient_one_digest_with_the_three_news(town, smtp, tmp_path):
    town.bring_news()
    code, _outcomes, summary = town.refresh(smtp.settings(tmp_path))
    assert code == EXIT_OK
    assert sorted(m["To"] for m in smtp.inbox.messages) == [A, B]
    for address in (A, B):
        (msg,) = smtp.inbox.to(address)
        text = text_of(msg)
        for title in NEWS:
            assert text.count(title) == 1, (title, text)
        assert "Antwort eingegangen: VO/2025/0501" in text
        assert "neue Sitzung; Tagesordnung mit 3 Punkten" in text
        assert "Bänke" not in text and "501. Sitzung" not in text  # no watch asked for these
        assert msg["Subject"] == "ratsinfo: 3 Neuigkeiten zu 3 Beobachtungen"
    assert smtp.inbox.envelopes[0][0] == "ratsinfo@example.org"
    assert len({m["Message-ID"] for m in smtp.inbox.messages}) == 2
    assert json.loads(summary.read_text(encoding="utf-8"))["watches"]["sent"] == 2


def test_a_first_load_reports_nothing(_towns):
    assert not list(_towns["first_outbox"].glob("*.eml"))  # a watch of "Radverkehr" existed during it


def test_a_refresh_without_change_sends_nothing_and_a_later_one_only_the_new(news, smtp, tmp_path):
    send(news, smtp.settings(tmp_path))
    assert len(smtp.inbox.messages) == 2
    news.refresh(smtp.settings(tmp_path))
    assert len(smtp.inbox.messages) == 2
    news.add_meeting(600, org=0, items=1)
    news.refresh(smtp.settings(tmp_path))
    later = smtp.inbox.to(A)[-1]
    assert len(smtp.inbox.messages) == 4
    assert "600. Sitzung" in text_of(later) and "Tagesordnung mit 1 Punkt\n" in text_of(later)
    assert "500. Sitzung" not in text_of(later) and later["Subject"] == "ratsinfo: 1 Neuigkeit zu 1 Beobachtung"


def test_a_failed_send_does_not_fail_the_refresh_and_is_retried(town, smtp, tmp_path):
    town.bring_news()
    smtp.stop()
    code, _o, summary = town.refresh(smtp.settings(tmp_path))
    assert code == EXIT_OK
    failed = json.loads(summary.read_text(encoding="utf-8"))["watches"]["failed"]
    assert len(failed) == 2 and "ConnectionRefusedError" in failed[0]
    smtp.start()
    report = send(town, smtp.settings(tmp_path))
    assert [d.address for d in report.sent] == [A, B]
    assert sorted(m["To"] for m in smtp.inbox.messages) == [A, B]
    assert all(NEWS[0] in text_of(m) for m in smtp.inbox.messages)
    assert send(town, smtp.settings(tmp_path)).sent == []
    assert len(smtp.inbox.messages) == 2


def test_a_run_killed_after_sending_but_before_recording_does_not_send_twice(news, smtp, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), RATSINFO_SMTP_HOST="127.0.0.1", RATSINFO_SMTP_PORT=str(smtp.port),
               RATSINFO_SMTP_STARTTLS="false")
    cmd = [sys.executable, "-m", "ratsinfo.cli", "--db", str(news.db), "--home", str(news.home), "watch", "run",
           "--config", str(tmp_path / "none.toml")]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    smtp.inbox.on_data = lambda: os.kill(proc.pid, signal.SIGKILL)  # the server has it; the client never hears
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert len(smtp.inbox.messages) == 1
    first = smtp.inbox.messages[0]
    smtp.inbox.on_data = None
    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    to_first = smtp.inbox.to(first["To"])
    assert len(to_first) == 1  # not sent twice
    assert len(smtp.inbox.messages) == 2  # the other recipient got theirs
    assert "unsicher" in again.stdout and first["Message-ID"] in again.stdout
    resend = subprocess.run([*cmd, "--resend-unsure"], env=env, capture_output=True, text=True, timeout=60)
    assert resend.returncode == 0, resend.stderr
    to_first = smtp.inbox.to(first["To"])
    assert len(to_first) == 2 and to_first[1]["Message-ID"] == first["Message-ID"]  # a recognisable duplicate


def test_without_smtp_digests_are_written_as_eml_files_once(news, tmp_path):
    outbox = tmp_path / "outbox"
    assert len(send(news, MailSettings(outbox=outbox)).sent) == 2
    files = sorted(outbox.glob("*.eml"))
    assert len(files) == 2 and all(f.name.startswith("watch-") for f in files)
    assert send(news, MailSettings(outbox=outbox)).sent == []
    assert len(sorted(outbox.glob("*.eml"))) == 2


def test_an_eml_left_as_sending_is_settled_by_looking_at_the_folder(news, tmp_path):
    outbox = tmp_path / "outbox"
    con = connect(news.db)
    try:
        crashed = render(A, pending(con, None, None)[A], "ratsinfo@example.org")  # a run that died after writing
        wh.record(con, A, crashed.items, crashed.message_id, "sending")
        EmlTransport(outbox).send(crashed.message("ratsinfo@example.org"), A)
        report = deliver(con, MailSettings(outbox=outbox))
    finally:
        con.close()
    assert report.unsure == [] and report.settled == len(crashed.items)
    assert [d.address for d in report.sent] == [B]
    assert len(list(outbox.glob("*.eml"))) == 2
