"""Watches: tell people when something they follow appears in a refresh, as an e-mail digest.

``watch_items(con, watch_id, since)`` gives the items of one watch (for a feed); ``deliver`` sends
what is new to every recipient.
"""

from ratsinfo.watches.matching import watch_items
from ratsinfo.watches.model import Item, Watch

__all__ = ["Item", "Watch", "watch_items"]
