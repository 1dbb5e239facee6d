"""Grounded segmentation: paragraphs -> sentences -> clauses, each with exact offsets.

Hard-wrapped lines are joined (a newline inside a paragraph is just whitespace),
so they never split a sentence; blank lines, list markers and long single lines
start paragraphs, and a line wholly in bold (a Markdown section heading) is one.
"""

from __future__ import annotations

import re
from array import array
from itertools import chain
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Literal

from pledgebook.codebook import Codebook
from pledgebook.codebook.segmentation import SegmentationBook
from pledgebook.core.data import Span
from pledgebook.read.base import RawDocument
from pledgebook.segment.markers import INLINE_ENUMERATOR, LINE_LIST_START, inline_enumerators
from pledgebook.segment.view import TextView, make_view

ParagraphKind = Literal["text", "heading", "list_item", "boilerplate"]

_BLANK = re.compile(r"^[\s\u00a0\\]*$")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}\s")
# a Markdown line set wholly in bold ("**<u>Cooperation for Security</u>**  "): a section heading,
# a paragraph of its own even when the text follows on the next line with no blank line between
_BOLD_LINE = re.compile(r"^[ \t]*(?:\*\*(?!\s)[^*]*[^\s*]\*\*|__(?!\s)[^_]*[^\s_]__)[ \t\u00a0\\]*$")
_WORD_LOOKBACK = 64  # characters looked back for the word before a full stop
_LONG_LINE = 100  # lines longer than this are not hard-wrapped: each is its own paragraph
_SENTENCE_END = re.compile(r"[.!?](?:[\"”’')\]]*)(?= [\"“‘'(\[]?[A-Z0-9])"
                           # a full stop whose space was lost between a year or a word and the next
                           # sentence's first word ("by the end of 2023.The leaders hailed ...")
                           r"|(?:(?<=[a-z]{2})|(?<=\d{4}))\.(?=[A-Z][a-z]+\b)")


@dataclass(slots=True)
class Sentence:
    span: Span
    view: TextView  # clean text of the sentence with its map to the original
    clauses: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Paragraph:
    span: Span
    kind: ParagraphKind
    sentences: list[Sentence]
    boilerplate_rule: str | None = None


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        out.append((pos, end))
        pos = end + 1
    return out


def _breaks_a_sentence(previous: str, line: str) -> bool:
    """A line break inside a sentence of a one-line-per-paragraph text (a verbatim record's page
    or column break: "... we hope to work for the" / "development of a prosperous area ..."): the
    line before ends on a word or a comma, and this one opens in lower case, as no sentence does."""
    tail = previous.rstrip()
    return bool(tail) and (tail[-1].isalpha() or tail[-1] == ",") and line[:1].islower()


def paragraph_spans(text: str, start: int = 0, header_line: re.Pattern[str] | None = None) -> list[tuple[Span, bool]]:
    """Paragraph spans of ``text[start:]`` and whether each starts with a list marker.
    ``header_line``: a line of a page header or byline, always a paragraph of its own."""
    paragraphs: list[tuple[Span, bool]] = []
    block: list[tuple[int, int]] = []
    after_header = False

    def flush() -> None:
        if block:
            s, e = block[0][0], block[-1][1]
            paragraphs.append((Span(s, e), bool(LINE_LIST_START.match(text[s:e]))))
            block.clear()

    for s, e in _lines(text, start):
        line = text[s:e]
        if _BLANK.match(line):
            flush()
            continue
        header = (header_line is not None and header_line.match(line.strip()) is not None) \
            or ((e - s) <= _LONG_LINE and _BOLD_LINE.match(line) is not None)
        starts_new = LINE_LIST_START.match(line) or _MD_HEADING.match(line) or (e - s) > _LONG_LINE or header
        prev_long = block and (block[-1][1] - block[-1][0]) > _LONG_LINE
        carried_on = block and not after_header and not LINE_LIST_START.match(line) \
            and _breaks_a_sentence(text[block[-1][0] : block[-1][1]], line)
        if (starts_new or prev_long or after_header) and not carried_on:
            flush()
        after_header = header
        block.append((s, e if not line.endswith("\r") else e - 1))
    flush()
    # trim surrounding whitespace so spans quote text, not margins
    trimmed = []
    for span, is_list in paragraphs:
        chunk = text[span.start : span.end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if span.end - trail > span.start + lead:
            trimmed.append((Span(span.start + lead, span.end - trail), is_list))
    return trimmed


def split_sentences(view: TextView, book: SegmentationBook) -> list[tuple[int, int]]:
    """Sentence ranges in clean-view coordinates."""
    clean = view.clean
    bounds: list[tuple[int, int]] = []
    begin = 0
    for m in _SENTENCE_END.finditer(clean):
        if clean[m.start()] == "." and _abbreviation_before(clean, m.start(), book):
            continue
        end = m.end()
        bounds.append((begin, end))
        begin = end + 1 if clean[end : end + 1] == " " else end
    if begin < len(clean):
        bounds.append((begin, len(clean)))
    return [(s, e) for s, e in bounds if clean[s:e].strip()]


def _abbreviation_before(clean: str, stop: int, book: SegmentationBook) -> bool:
    """Whether the full stop at ``stop`` ends an abbreviation ("Mr.", "U.S.", "D.I.", "e.g."),
    not a sentence."""
    word = _word_before(clean, stop).lstrip("(\"“‘'[").lower()
    word = re.split(r"[-–‐/]", word)[-1]  # "ROK-U.S." ends in the abbreviation "U.S."
    if word in book.abbreviations or (len(word) == 1 and word.isalpha()):
        return True
    return re.fullmatch(r"(?:[a-z]\.)+[a-z]", word) is not None  # initials such as "D.I" or "U.S"


# a full stop after a word or a year and before a word in lower case, inside a sentence: the
# verbatim record's line-wrap or misread comma ("will continue to be. actively engaged",
# "Furthermore. excluding", "in 2020. we tripled"); not a list's number ("pillars: 1. addressing")
# nor the stop before a letter that numbers the next item ("... objectives. b. Second, ...")
_STRAY_STOP = re.compile(r"(?<=[^\W_])\.(?= (?!(?:[a-z]|[ivx]{2,5})[.)])[a-z])")
_LIST_NUMBER = re.compile(r"\d{1,3}")


def without_stray_stops(view: TextView, book: SegmentationBook) -> TextView:
    """``view`` without the full stops that cannot end a sentence, as the next word opens in
    lower case and the word before is no abbreviation, or as a name and a comma and a verb follow
    it (segment.yaml: appositive_verbs, "My country. Guyana, is ..."): a parser would cut the sentence there.
    Spans still map to the original text, which keeps the stop."""
    clean = view.clean
    appositive = book.appositive_stop  # "My country. Guyana, is ...": a misread comma before an apposition
    found = _STRAY_STOP.finditer(clean) if appositive is None else chain(_STRAY_STOP.finditer(clean), appositive.finditer(clean))
    stray = sorted({m.start() for m in found
                    if not _abbreviation_before(clean, m.start(), book)
                    and not _LIST_NUMBER.fullmatch(_word_before(clean, m.start()))})
    if not stray:
        return view
    kept = [(a + 1, b) for a, b in zip([-1, *stray], [*stray, len(clean)])]
    index = array("q")
    for a, b in kept:
        index.extend(view.index[a:b])
    return TextView("".join(clean[a:b] for a, b in kept), index, view.origin)


def _word_before(clean: str, end: int) -> str:
    """The word that ends at ``end`` (its last ``_WORD_LOOKBACK`` characters when longer: no
    abbreviation is that long). Looked for in a window, so that a paragraph of full stops and
    no spaces is not searched back to its start at every one of them (quadratic)."""
    low = max(0, end - _WORD_LOOKBACK)
    return clean[clean.rfind(" ", low, end) + 1 or low : end]


def split_clauses(view: TextView, s: int, e: int) -> list[Span]:
    """Punctuation-level clauses of one sentence: at semicolons and before enumerators (i), (a), (1)."""
    cuts = {s, e}
    clean = view.clean
    for i in range(s, e):
        if clean[i] == ";":
            cuts.add(i + 1)
    for m in INLINE_ENUMERATOR.finditer(clean, s, e):
        cuts.add(m.start())
    return [view.span(a, b) for a, b in _pieces_between(clean, cuts)]


def _pieces_between(clean: str, cuts: set[int]) -> list[tuple[int, int]]:
    """The non-empty ranges between consecutive cut points, without edge spaces."""
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        while a < b and clean[a] == " ":
            a += 1
        while b > a and clean[b - 1] == " ":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _is_heading(text: str, clean: str, raw_para: str) -> bool:
    if _MD_HEADING.match(raw_para):
        return True
    words = clean.split()
    if not words or len(words) > 14 or clean.rstrip()[-1:] in ".:;!?,\"”…":  # a line trailing off in "…" is speech
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= 0.6 * len(words)


def segment(raw: RawDocument, book: SegmentationBook | None = None) -> list[Paragraph]:
    """The document's paragraphs and sentences; ``book``: the codebook's segment.yaml (the
    bundled one by default)."""
    book = book or Codebook.load().segmentation
    markdown = raw.format == "markdown"
    out: list[Paragraph] = []
    for span, is_list in paragraph_spans(raw.text, raw.body_start, book.header_line):
        view = without_stray_stops(make_view(raw.text, span.start, span.end, markdown=markdown), book)
        if not view.clean.strip():
            continue
        rule = book.boilerplate_rule(view.clean)
        raw_para = raw.text[span.start : span.end]
        if rule:
            kind: ParagraphKind = "boilerplate"
        elif is_list:
            kind = "list_item"
        elif _is_heading(raw.text, view.clean, raw_para):
            kind = "heading"
        else:
            kind = "text"
        sentences: list[Sentence] = []
        if kind != "boilerplate":
            for s, e in _after_dateline(split_sentences(view, book), view, book):
                sub = TextView(view.clean[s:e], view.index[s:e], view.index[s])
                sent_span = view.span(s, e)
                sentences.append(Sentence(sent_span, sub, split_clauses(sub, 0, e - s)))
        out.append(Paragraph(span, kind, sentences, rule))
    return out


def _after_dateline(bounds: list[tuple[int, int]], view: TextView, book: SegmentationBook) -> list[tuple[int, int]]:
    """A news dateline opening a paragraph ("NAIROBI: ", "BEIJING, Oct. 16 (Xinhua) -- ") is a
    sentence of its own: the first sentence of the story starts after it."""
    if not bounds:
        return bounds
    s, e = bounds[0]
    dateline = book.dateline(view.clean[s:e])
    if dateline is None or s + dateline.end >= e:
        return bounds
    cut = s + dateline.end
    head_end = cut
    while head_end > s and view.clean[head_end - 1] == " ":
        head_end -= 1
    return [(s, head_end), (cut, e), *bounds[1:]]


_FIRST_WORD = re.compile(r"[^\w]*(\w+)")
_CLOSING = "\"”’')]"


def ends_in_ellipsis(clean: str) -> bool:
    """A sentence that trails off ("… the UK will lead again…", "let's be frank..."): an ellipsis,
    then closing quotes or brackets and spaces (stripped, not searched for before "$", which on a
    long run of dots and quotes retries at every dot: quadratic)."""
    return clean.rstrip().rstrip(_CLOSING).endswith(("…", "..."))


def continues_after_ellipsis(previous: Sentence, sentence: Sentence, book: SegmentationBook | None = None,
                             is_gerund: Callable[[str], bool] | None = None) -> bool:
    """Whether ``sentence`` carries on ``previous``, which trailed off in an ellipsis: a speech
    set out line by line ("We must put new energy and creativity…" / "Into conflict resolution…").
    ``is_gerund`` tells a verb's -ing form ("Tackling") from other words in -ing ("Nothing", "During")."""
    if not ends_in_ellipsis(previous.view.clean):
        return False
    m = _FIRST_WORD.match(sentence.view.clean)
    if m is None:
        return False
    word = m.group(1)
    book = book or Codebook.load().segmentation
    return word[0].islower() or word.lower() in book.ellipsis_continuations or (
        is_gerund is not None and is_gerund(word))


_LONG_SENTENCE_WORDS = 25


def clause_pieces(sentence: Sentence) -> list[Sentence]:
    """The pieces a sentence strings its undertakings into: before each enumerator
    ("will (i) remove ...; (ii) accept ...") and, in a long sentence, after each semicolon
    ("Indonesia will adopt X; amend Y; and strengthen Z"). Parsers lose their way in such
    sentences, and each piece is an undertaking of its own."""
    clean = sentence.view.clean
    cuts: set[int] = set()
    cuts.update(inline_enumerators(clean))
    if ";" in clean and len(clean.split()) >= _LONG_SENTENCE_WORDS:
        cuts.update(i + 1 for i, ch in enumerate(clean) if ch == ";")
    if not cuts:
        return [sentence]
    return pieces_of(sentence, cuts)


def pieces_of(sentence: Sentence, cuts: set[int]) -> list[Sentence]:
    """``sentence`` cut at ``cuts`` (offsets in its clean text) into pieces, each a sentence."""
    clean = sentence.view.clean
    pieces: list[Sentence] = []
    for a, b in _pieces_between(clean, cuts | {0, len(clean)}):
        view = TextView(clean[a:b], sentence.view.index[a:b], sentence.view.index[a])
        pieces.append(Sentence(view.span(0, b - a), view, split_clauses(view, 0, b - a)))
    return pieces
