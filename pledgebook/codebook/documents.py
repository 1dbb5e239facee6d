"""Document-level codebook (data/documents.yaml) and the dated leaders list (data/leaders.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pledgebook.codebook.loader import load_data_file


@dataclass(frozen=True)
class DocumentBook:
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    news_dateline: re.Pattern[str]
    dateline: re.Pattern[str]
    place_line: re.Pattern[str]
    meeting_place: re.Pattern[str]
    welcome_place: re.Pattern[str]
    not_places: frozenset[str]
    seat_place: re.Pattern[str]  # a meeting at a seat of government ("at the White House")
    seats: dict[str, str]  # seat -> its city
    issuers: tuple[tuple[re.Pattern[str], str], ...]
    speech_file: re.Pattern[str]
    number_words: dict[str, int]


@dataclass(frozen=True, slots=True)
class Leader:
    names: tuple[str, ...]
    code: str
    start: str  # ISO dates, inclusive
    end: str


@lru_cache(maxsize=1)
def load_document_book() -> DocumentBook:
    data = load_data_file("documents.yaml")
    return DocumentBook(
        kinds=tuple((k["kind"], re.compile(k["pattern"], re.IGNORECASE)) for k in data["kinds"]),
        news_dateline=re.compile(data["news_dateline"]),
        dateline=re.compile(data["dateline"]),
        place_line=re.compile(data["place_line"]),
        meeting_place=re.compile(data["meeting_place"]),
        welcome_place=re.compile(data["welcome_place"]),
        not_places=frozenset(data["not_places"]),
        seat_place=_seat_place(data["seats"]),
        seats={str(k): str(v) for k, v in data["seats"].items()},
        issuers=tuple((re.compile(i["pattern"], re.IGNORECASE), i["code"]) for i in data["issuers"]),
        speech_file=re.compile(data["speech_file"]),
        number_words={str(k).lower(): int(v) for k, v in data["number_words"].items()},
    )


def _seat_place(seats: dict) -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(str(k)) for k in seats), key=len, reverse=True))
    # past verbs only: "look forward to meeting again at the White House" is a meeting to come
    return re.compile(r"\b(?:met|gathered|convened|held|hosted|visited|welcom(?:e|es|ed))\b"
                      rf"[^.;]{{0,80}}?\b(?:at|to)\s+(?:the\s+)?(?P<seat>{names})\b")


@lru_cache(maxsize=1)
def load_leaders() -> tuple[tuple[Leader, ...], tuple[str, ...]]:
    data = load_data_file("leaders.yaml")
    leaders = tuple(
        Leader(tuple(entry["names"]), entry["code"], str(entry["from"]), str(entry["to"])) for entry in data["leaders"]
    )
    return leaders, tuple(data["titles"])
