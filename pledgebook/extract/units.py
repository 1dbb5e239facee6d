"""A document's sentence units and the pieces of them the statement finder reads.

A unit is a sentence together with the lines that carry it on after an ellipsis (a speech's
"we will lead again…" then "Tackling climate change…"): the statements of one unit share its
orphan names, and its text is their context for sectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgebook.extract.nlp import is_gerund
from pledgebook.codebook.segmentation import SegmentationBook
from pledgebook.segment.attribution import peel_attribution
from pledgebook.segment.segmenter import Paragraph, Sentence, clause_pieces, continues_after_ellipsis, ends_in_ellipsis

MAX_UNIT_SENTENCES = 8  # lines of a speech joined into one sentence at most (bounds the work per unit)
_GERUND_ITEM = re.compile(r"^(?:And\s+|and\s+)?[A-Za-z]+ing\b")
_SKIPPED = ("boilerplate", "heading")
_PROSE_ENDS = (".", "…", ";", "!")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence, or a clause piece of one, that may hold statements."""

    para: Paragraph
    piece: Sentence
    continues: bool  # a piece after the first of its sentence
    unit: int  # index of its sentence unit
    carried: bool  # its paragraph carries on one that ended in an ellipsis (a speech's items)
    source: str | None = None  # who its sentence is attributed to (", officials said"), peeled off; "" impersonal

    @property
    def opens_paragraph(self) -> bool:
        return self.piece.span.start == self.para.sentences[0].span.start

    @property
    def gerund_paragraph(self) -> bool:
        """Its paragraph is one line of a speech that opens with a capitalised gerund and ends as
        prose does ("Joining the Paris Pact…", "And listening more."): a line without a final stop
        is a title ("*Building resilient supply chains*"), a lower-case one a broken line, and
        "Turning to Mali. Algeria is ..." a paragraph of sentences."""
        sentences = self.para.sentences
        if len(sentences) != 1:
            return False
        clean = sentences[0].view.clean
        words = clean.split()
        first = words[1] if len(words) > 1 and words[0] in ("And", "Or") else (words[0] if words else "")
        return first[:1].isupper() and is_gerund(first.strip(",;:…")) and clean.rstrip(" *_")[-1:] in _PROSE_ENDS

    @property
    def opens_item(self) -> bool:
        """The first piece of a list item (what a "We will:" before the list applies to)."""
        return self.para.kind == "list_item" and not self.continues and self.opens_paragraph


def split_units(paragraphs: list[Paragraph], book: SegmentationBook) -> tuple[list[tuple[int, int]], list[Candidate]]:
    """The span of every sentence unit, and every candidate piece in text order (``book``: the
    codebook's segment.yaml, which says what carries a sentence on after an ellipsis)."""
    carried = _carried_paragraphs(paragraphs)
    units = _Units(book)
    candidates: list[Candidate] = []
    for para in paragraphs:
        if para.kind in _SKIPPED:
            units.interrupt()
            continue
        for sent in para.sentences:
            unit = units.add(sent)
            peeled = peel_attribution(sent, book.attribution)
            report, source = (peeled.sentence, peeled.source) if peeled else (sent, None)
            for n, piece in enumerate(clause_pieces(report)):
                candidates.append(Candidate(para, piece, n > 0, unit, id(para) in carried, source))
    return units.spans, candidates


def _carried_paragraphs(paragraphs: list[Paragraph]) -> set[int]:
    """Ids of the paragraphs that carry on the one before, which ended in an ellipsis, with a
    gerund ("Tackling climate change…", "And restoring our commitment…")."""
    carried: set[int] = set()
    after_ellipsis = False
    for para in paragraphs:
        if para.kind in _SKIPPED:
            continue  # a heading between the two does not break the run
        if after_ellipsis and para.sentences and _GERUND_ITEM.match(para.sentences[0].view.clean):
            carried.add(id(para))
        after_ellipsis = bool(para.sentences) and ends_in_ellipsis(para.sentences[-1].view.clean)
    return carried


class _Units:
    """Sentence spans, each extended over the lines that carry it on after an ellipsis."""

    def __init__(self, book: SegmentationBook) -> None:
        self._book = book
        self.spans: list[tuple[int, int]] = []
        self._previous: Sentence | None = None
        self._merged = 0  # sentences in the current unit

    def interrupt(self) -> None:
        """A heading or boilerplate: the next sentence starts a unit of its own."""
        self._previous = None

    def add(self, sent: Sentence) -> int:
        """Add ``sent`` to the current unit or start a new one; the index of its unit."""
        if self._previous is not None and continues_after_ellipsis(self._previous, sent, self._book, is_gerund) \
                and self._merged < MAX_UNIT_SENTENCES:
            self._merged += 1
            self.spans[-1] = (self.spans[-1][0], sent.span.end)
        else:
            self.spans.append((sent.span.start, sent.span.end))
            self._merged = 1
        self._previous = sent
        return len(self.spans) - 1
