"""Suggestion cues (suggestion_cues.yaml): the words that make a later statement suggested
evidence about an undertaking (done, stalled) and the words before a cue that make it no
evidence ("will be completed"), and which documents' silence counts as a pledge dropped.

Read by the track layer (pledgebook/track/suggest.py), not by the extractor, so the file sits
in a codebook directory without being part of the codebook's digest: ``load_cues(directory)``
reads the directory's own copy when it holds one, else the bundled file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from pledgebook.codebook.files import FileSchema, Schema, Text, Words, parse, read_bytes, validate
from pledgebook.core.data import DocumentKind, EntityKind

CUES_FILE = "suggestion_cues.yaml"
_BUNDLED = Path(__file__).with_name("data")
CueClass = Literal["completion", "stalled"]
# A word of the text: letters, digits and inner apostrophes or hyphens; or a sign that may be a
# blocker ("%"). Clause marks end the window a blocker is looked for in.
_WORD = re.compile(r"\w+(?:['’]\w+)*|%")
_CLAUSE_MARK = re.compile(r"[,;:()\[\]\"“”‘]|['’](?!\w)|—|–|\.\s")


class CueClassEntry(Schema):
    reason: Text  # one line: what a match says about the undertaking
    cues: Words = Field(min_length=1)
    blockers: Words = []


class DroppedRule(Schema):
    min_documents: int = Field(ge=2)
    genres: list[DocumentKind] = Field(min_length=1)
    min_size_share: float = Field(ge=0, le=1)
    repeated_similarity: float = Field(gt=0, le=1)
    repeated_entity_kinds: list[EntityKind] = []


class RewordedRule(Schema):
    min_similarity: float = Field(gt=0, le=1)


class CuesFile(FileSchema):
    window: int = Field(ge=1, le=12)
    blockers: Words
    classes: dict[CueClass, CueClassEntry]
    reworded: RewordedRule
    dropped: DroppedRule


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue found in a text: its class, the words as written and where they are."""

    cls: str
    words: str
    start: int
    end: int


@dataclass(frozen=True)
class CueBook:
    window: int
    patterns: tuple[tuple[str, str, re.Pattern[str]], ...]  # (class, cue, pattern), longest cue first
    blockers: dict[str, tuple[tuple[str, ...], ...]]  # class -> blocker word sequences (lower case)
    reasons: dict[str, str]
    reworded: RewordedRule
    dropped: DroppedRule

    @cached_property
    def _any(self) -> re.Pattern[str]:
        """Every cue in one pattern: one pass over a text instead of one per cue."""
        return re.compile("|".join(f"(?:{p.pattern})" for _, _, p in self.patterns) or r"(?!)", re.IGNORECASE)

    def mentions(self, text: str) -> bool:
        """Whether ``text`` holds any cue at all, evidence or not (a cheap test before ``find``)."""
        return self._any.search(text) is not None

    def find(self, text: str) -> list[CueMatch]:
        """Every cue in ``text`` that is evidence (no blocker before it), in text order;
        overlapping matches keep the longest."""
        found: list[CueMatch] = []
        for cls, _, pattern in self.patterns:
            for m in pattern.finditer(text):
                if any(f.start < m.end() and m.start() < f.end for f in found):
                    continue
                if not self.blocked(cls, text[: m.start()]):
                    found.append(CueMatch(cls, m.group(0), m.start(), m.end()))
        return sorted(found, key=lambda c: c.start)

    def blocked(self, cls: str, before: str) -> bool:
        """Whether a blocker of ``cls`` stands among the last ``window`` words of ``before``,
        within its last clause."""
        marks = list(_CLAUSE_MARK.finditer(before))
        clause = before[marks[-1].end():] if marks else before
        words = [_plain(w) for w in _WORD.findall(clause)][-self.window:]
        for blocker in self.blockers[cls]:
            n = len(blocker)
            if any(tuple(words[i : i + n]) == blocker for i in range(len(words) - n + 1)):
                return True
        return False


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around [start, end): between the clause marks (commas,
    semicolons, dashes, sentence ends) before and after it."""
    before = list(_CLAUSE_MARK.finditer(text, 0, start))
    after = _CLAUSE_MARK.search(text, end)
    return (before[-1].end() if before else 0), (after.start() if after else len(text))


def _plain(word: str) -> str:
    """A word compared with blockers: lower case, and a contracted "will" ("it'll") as "will"."""
    word = word.lower().replace("’", "'")
    return "will" if word.endswith("'ll") else word


def _cue_pattern(cue: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in cue.split()]
    lead = r"(?<![\w-])" if cue[0].isalnum() else ""
    tail = r"(?![\w-])" if cue[-1].isalnum() else ""
    return re.compile(lead + r"[\s-]+".join(words) + tail, re.IGNORECASE)


def build_cue_book(file: CuesFile) -> CueBook:
    shared = [tuple(b.lower().split()) for b in file.blockers]
    patterns = sorted(((cls, cue, _cue_pattern(cue)) for cls, entry in file.classes.items() for cue in entry.cues),
                      key=lambda p: -len(p[1]))
    return CueBook(
        window=file.window,
        patterns=tuple(patterns),
        blockers={cls: tuple(shared + [tuple(b.lower().split()) for b in entry.blockers])
                  for cls, entry in file.classes.items()},
        reasons={cls: entry.reason for cls, entry in file.classes.items()},
        reworded=file.reworded,
        dropped=file.dropped,
    )


def load_cues(directory: str | Path | None = None) -> CueBook:
    """The cues of the codebook ``directory`` (its own ``suggestion_cues.yaml``, else the
    bundled one); ``CodebookError`` naming the key when the file is malformed."""
    chosen = Path(directory).resolve() if directory else _BUNDLED
    if not (chosen / CUES_FILE).is_file():
        chosen = _BUNDLED
    return _load(chosen)


@lru_cache(maxsize=8)
def _load(directory: Path) -> CueBook:
    raw = read_bytes(directory, CUES_FILE)
    return build_cue_book(validate(CUES_FILE, parse(CUES_FILE, raw), CuesFile))
