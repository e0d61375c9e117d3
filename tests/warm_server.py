"""What the fork server of `tests/warm_cli.py` loads once, before it forks any child: the CLI and the German
pipeline. A module of its own, so that test processes importing warm_cli do not build the pipeline themselves."""

from ratsinfo.cli import run  # noqa: F401 - imported for the children
from ratsinfo.parsers.nlp.pipeline import german

german()
