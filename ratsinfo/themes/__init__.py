"""Policy areas ("on which themes?") of agenda items and papers: the Kommunaler Produktrahmen codes.

Call ``classify_many`` from the loader; ``ratsinfo.themes.classify.classify`` does one item;
``ratsinfo.themes.answer`` turns rows of the ``themes`` query into the grouped German answer.
"""

from ratsinfo.themes.classify import classify_many
from ratsinfo.themes.codes import CODES, LABELS, PROCEDURAL, Theme

__all__ = ["CODES", "LABELS", "PROCEDURAL", "Theme", "classify_many"]
