"""Main clauses the parser hides, read again.

- A main clause made the complement of a relative clause that follows it: in "We therefore decide
  to set up a task force, with a focus on youth, that will provide input to the ministerial
  meeting", the parser roots the sentence at "provide" (subject "that") and hangs "We decide ..."
  on it as a complement, which nothing then reads as the undertaking it is. A complement that
  opens the sentence, with a subject of its own, before a root whose subject is a relative pronoun,
  is analysed as a clause of its own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pledgebook.extract.grammar import VERBAL, subject_of

_RELATIVE_PRONOUNS = frozenset(("that", "which", "who"))


def stranded_main_clauses(sent: Span) -> list[Token]:
    """The main clause the parser hung on a relative clause that follows it."""
    root = sent.root
    root_subject = subject_of(root)
    if root_subject is None or root_subject.lower_ not in _RELATIVE_PRONOUNS:
        return []
    return [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in VERBAL and c.i < root_subject.i
            and c.left_edge.i == sent.start and subject_of(c) is not None]
