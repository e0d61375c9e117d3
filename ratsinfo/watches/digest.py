"""The digest one recipient gets: German plain text, grouped by watch, each item with its title,
what happened and a link. Its Message-ID is derived from the address and the items it carries, so
that a message sent again for the same items is recognisable as the same message."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

from ratsinfo.watches.model import Item, Watch
from ratsinfo.watches.words import count

KIND_NAMES = {"search": "Suche", "body": "Gremium", "paper": "Vorlage"}
SHOWN = 40  # items shown per watch; the rest are counted (a search that matches hundreds is still one mail)


@dataclass
class Digest:
    address: str
    message_id: str
    subject: str
    text: str
    items: list[tuple[int, str]]  # (watch_id, item_id) it carries
    count: int = 0  # the items (papers, meetings) it shows

    def message(self, sender: str) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = self.address
        msg["Subject"] = self.subject
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = self.message_id
        msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies
        msg.set_content(self.text)
        return msg


def message_id(address: str, items: list[tuple[int, str]], domain: str) -> str:
    digest = hashlib.sha256("\n".join([address.casefold(), *sorted(f"{w}/{i}" for w, i in items)]).encode())
    return f"<watch-{digest.hexdigest()[:32]}@{domain}>"


def _heading(w: Watch, items: list[Item]) -> str:
    unit = {"search": ("Treffer", "Treffer"), "body": ("Sitzung", "Sitzungen"),
            "paper": ("Neuigkeit", "Neuigkeiten")}[w.kind]
    return f"{KIND_NAMES[w.kind]} „{w.title}“ (Nr. {w.id}, {count(len(items), *unit)})"


def render(address: str, groups: list[tuple[Watch, list[Item]]], sender: str) -> Digest:
    """One digest for ``address`` from the items of its watches (watches without items are left out)."""
    groups = [(w, items) for w, items in groups if items]
    n_items = sum(len(items) for _w, items in groups)
    lines = ["Guten Tag,", "",
             f"seit der letzten Nachricht gibt es {count(n_items, 'Neuigkeit', 'Neuigkeiten')} "
             f"({count(len(groups), 'Beobachtung', 'Beobachtungen')}):", ""]
    for w, items in groups:
        lines.append(_heading(w, items))
        for it in items[:SHOWN]:
            lines.append(f"  • {it.title}")
            lines.append(f"    {'; '.join(it.happened) or 'geändert'}")
            if it.link:
                lines.append(f"    {it.link}")
        if len(items) > SHOWN:
            lines.append(f"  … und {len(items) - SHOWN} weitere (ratsinfo changes zeigt alle)")
        lines.append("")
    lines += ["-- ", "Diese Nachricht schickt ratsinfo nach jeder Aktualisierung, wenn es Neues gibt.",
              "Eine Beobachtung beenden: ratsinfo watch remove NR"]
    carried = [(w.id, i) for w, items in groups for it in items for i in it.ids]
    domain = sender.rpartition("@")[2] or "localhost"
    subject = (f"ratsinfo: {count(n_items, 'Neuigkeit', 'Neuigkeiten')} zu "
               f"{count(len(groups), 'Beobachtung', 'Beobachtungen')}")
    return Digest(address, message_id(address, carried, domain), subject, "\n".join(lines) + "\n", carried, n_items)
