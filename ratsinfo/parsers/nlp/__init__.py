"""German extraction: a spaCy pipeline built from ``spacy.blank("de")`` and rules.

No trained German pipeline can be installed here, so organisations, counts, meetings,
topics, persons, references and rules of procedure come from rule components whose
patterns live in ``data/``. Every fact keeps the document and character span it came from.
"""
