"""Measure the theme classifier on the labelled agenda-item titles, per council and per theme.

    python -m ratsinfo.themes.evaluate ../shared/corpus/agenda-items [--errors] [--heldout] [--untouched]

The development figure comes from 5-fold cross-validation over the development rows (the dev split
and the labelled ALLRIS pages; each fold classified by a model trained on the other four), the
held-out figure from the shipped model, which was trained on all development rows and has never seen
a held-out row. ``--untouched`` scores the shipped model on the untouched set (``gold.load_untouched``:
councils used nowhere else, labelled and committed before the classifier ran on them).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ratsinfo.themes.classify import Model, classify_many
from ratsinfo.themes.codes import LABELS, Theme
from ratsinfo.themes.gold import UNDECIDED, Labelled, load, load_untouched
from ratsinfo.themes.train import development, train

FOLDS = 5


@dataclass
class Score:
    """Counts of right answers overall, per council and per gold theme."""

    right: int = 0
    total: int = 0
    either: int = 0  # the gold code is the answer or its runner-up
    councils: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    themes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    predicted: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[Labelled, Theme]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, item: Labelled, theme: Theme) -> None:
        ok = theme.code == item.code
        self.right += ok
        self.total += 1
        self.either += ok or theme.second == item.code
        for bucket in (self.councils[item.council], self.themes[item.code]):
            bucket[0] += ok
            bucket[1] += 1
        self.predicted[theme.code] += 1
        if not ok:
            self.errors.append((item, theme))


def _inputs(items: Sequence[Labelled], with_body: bool) -> list[tuple[str, None, None, None, None, str | None]]:
    return [(x.title, None, None, None, None, x.body if with_body else None) for x in items]


def score(items: Sequence[Labelled], model: Model | None = None, with_body: bool = True) -> Score:
    """Classify the labelled items (title and body name, as the loader knows them) and count."""
    s = Score()
    scored = [x for x in items if x.code != UNDECIDED]
    for item, theme in zip(scored, classify_many(_inputs(scored, with_body), model), strict=True):
        s.add(item, theme)
    return s


def cross_validate(dev: Sequence[Labelled], folds: int = FOLDS, with_body: bool = True) -> Score:
    """Each fold classified by a model trained on the other folds (folds by row order within a council)."""
    scored = [x for x in dev if x.code != UNDECIDED]
    total = Score()
    for k in range(folds):
        test = [x for i, x in enumerate(scored) if i % folds == k]
        model = Model.from_dict(train((x.title, x.code) for i, x in enumerate(scored) if i % folds != k))
        for item, theme in zip(test, classify_many(_inputs(test, with_body), model), strict=True):
            total.add(item, theme)
    return total


def report(name: str, s: Score) -> str:
    lines = [f"{name}: accuracy {s.accuracy:.3f} ({s.right}/{s.total}); "
             f"gold among answer and runner-up {s.either / max(s.total, 1):.3f}", "  per council:"]
    for council, (ok, n) in sorted(s.councils.items(), key=lambda kv: -kv[1][1]):
        lines.append(f"    {council:<40} {ok / n:.3f} ({ok}/{n})")
    lines.append("  per theme (recall; precision):")
    for code in LABELS:
        ok, n = s.themes.get(code, (0, 0))
        if n or s.predicted[code]:
            rec = f"{ok / n:.3f} ({ok}/{n})" if n else "-"
            prec = f"{ok / s.predicted[code]:.3f}" if s.predicted[code] else "-"
            lines.append(f"    {code} {LABELS[code]:<38} {rec:<16} {prec}")
    return "\n".join(lines)


def full_report(corpus: Path, heldout: bool = True, untouched: bool = True, errors: bool = False) -> str:
    """Every figure at once, per council and per theme: dev cross-validation, the held-out rows and
    the untouched set (``corpus`` is the real corpus folder, ``../shared/corpus``)."""
    items = load(corpus / "agenda-items")
    dev = development(corpus)
    held = [x for x in items if x.split == "heldout"]
    undecided = sum(x.code == UNDECIDED for x in dev + held)
    out = [f"{len(dev) + len(held)} labelled titles ({undecided} undecidable, not scored): {len(dev)} development "
           f"(agenda items and ALLRIS pages), {len(held)} held out"]
    cv = cross_validate(dev)
    out.append(report(f"dev ({FOLDS}-fold cross-validation)", cv))
    if errors:
        out += [f"  ERR {x.file}:{x.row} gold {x.code} got {t.code} ({t.confidence}) {x.title[:110]}"
                for x, t in cv.errors]
    if heldout:
        out.append(report("held out (shipped model)", score(held)))
    if untouched:
        other = load_untouched()
        out.append(f"{len(other)} untouched titles of other councils "
                   f"({sum(x.code == UNDECIDED for x in other)} undecidable, not scored)")
        out.append(report("untouched (shipped model)", score(other)))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    agenda_items = Path(args[0]) if args and not args[0].startswith("-") else Path("../shared/corpus/agenda-items")
    print(full_report(agenda_items.parent, "--heldout" in args, "--untouched" in args, "--errors" in args))


if __name__ == "__main__":
    main()
