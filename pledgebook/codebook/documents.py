"""Document-level codebook (documents.yaml) and the dated leaders list (leaders.yaml)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pydantic import Field

from pledgebook.codebook.files import FileSchema, Regex, Schema, Text, Words


class KindPattern(Schema):
    kind: Text
    pattern: Regex


class IssuerPattern(Schema):
    pattern: Regex
    code: Text


class DocumentsFile(FileSchema):
    kinds: list[KindPattern]
    news_dateline: Regex
    dateline: Regex
    place_line: Regex
    meeting_place: Regex
    title_place: Regex = r"(?!)"  # where a title says the text was issued or its parties met
    news_headline: Regex = r"(?!)"  # a headline that reports a text ("Vietnam, Laos issue joint statement")
    welcome_place: Regex
    seats: dict[str, Text]
    not_places: Words
    issuers: list[IssuerPattern]
    speech_file: Regex
    number_words: dict[str, int]
    speaker_titles: Words = []
    group_meeting_words: Words = []
    heads_met_words: Words = []
    joint_words: Words = []


class LeaderEntry(Schema):
    names: Words = Field(min_length=1)
    code: Text
    start: dt.date = Field(alias="from")
    end: dt.date = Field(alias="to")


class LeadersFile(FileSchema):
    leaders: list[LeaderEntry]
    titles: Words
    head_titles: Words = []
    deputy_prefixes: Words = []
    honorifics: Words = []


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
    # the plural titles that introduce a group text's speakers one by one ("the Prime Ministers and the
    # Heads of Government of A, B and C"), up to where the first name begins
    speaker_titles: re.Pattern[str] = re.compile(r"(?!)")
    # right after a grouping's name, up to three words then one of these: the grouping's meeting
    group_meeting: re.Pattern[str] = re.compile(r"(?!)")
    # right after a grouping named as whose heads meet ("Leaders of the G7, met on 12 December"): the verb
    heads_met: re.Pattern[str] = re.compile(r"(?!)")
    # a word of a title that makes the text a joint one, of two parties at least ("Joint statement on
    # the official visit of the President of Chile": the host is the other party)
    joint_title: re.Pattern[str] = re.compile(r"(?!)")
    # where a title says the text was issued ("issued" group) or its parties met: "issued at Nuvara Eliya"
    title_place: re.Pattern[str] = re.compile(r"(?!)")
    # a headline that reports the text it heads: a news report on it ("Vietnam, Laos issue joint statement")
    news_headline: re.Pattern[str] = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class Leader:
    names: tuple[str, ...]
    code: str
    start: str  # ISO dates, inclusive
    end: str


@dataclass(frozen=True)
class LeaderBook:
    leaders: tuple[Leader, ...]
    titles: tuple[str, ...]  # "Prime Minister": introduces a person in a document
    head_titles: tuple[str, ...] = ()  # "Taoiseach": a head of state or government (one per party)
    deputy_prefixes: tuple[str, ...] = ()  # "Vice" President: no head
    honorifics: tuple[str, ...] = ()  # "His Excellency X, President of Y": an introduction by apposition


def build_document_book(file: DocumentsFile) -> DocumentBook:
    return DocumentBook(
        kinds=tuple((k.kind, re.compile(k.pattern, re.IGNORECASE)) for k in file.kinds),
        news_dateline=re.compile(file.news_dateline),
        dateline=re.compile(file.dateline),
        place_line=re.compile(file.place_line),
        meeting_place=re.compile(file.meeting_place),
        welcome_place=re.compile(file.welcome_place),
        not_places=frozenset(file.not_places),
        seat_place=_seat_place(file.seats),
        seats=dict(file.seats),
        issuers=tuple((re.compile(i.pattern, re.IGNORECASE), i.code) for i in file.issuers),
        speech_file=re.compile(file.speech_file),
        number_words={k.lower(): v for k, v in file.number_words.items()},
        speaker_titles=_speaker_titles(file.speaker_titles),
        group_meeting=_group_meeting(file.group_meeting_words),
        heads_met=_heads_met(file.heads_met_words),
        title_place=re.compile(file.title_place),
        news_headline=re.compile(file.news_headline, re.IGNORECASE),
        joint_title=re.compile(r"\b(?:" + "|".join(map(re.escape, file.joint_words)) + r")\b", re.IGNORECASE)
        if file.joint_words else re.compile(r"(?!)"),
    )


def _heads_met(words: list[str]) -> re.Pattern[str]:
    """One of ``words`` after a grouping's name, its bracketed abbreviation and a comma at most."""
    if not words:
        return re.compile(r"(?!)")
    one = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:\([^()]{{1,20}}\))?\s*,?\s*(?:{one})\b", re.IGNORECASE)


def _group_meeting(words: list[str]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!)")
    one = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s+(?:[\w'’-]+\s+){{0,3}}?(?:{one})\b", re.IGNORECASE)


def _speaker_titles(titles: list[str]) -> re.Pattern[str]:
    """One plural title or several joined by "and" or a comma, then "of" (and "the")."""
    if not titles:
        return re.compile(r"(?!)")
    one = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in sorted(titles, key=len, reverse=True))
    return re.compile(rf"(?:the\s+)?(?:{one})(?:\s*,?\s+(?:and\s+)?(?:the\s+)?(?:{one}))*\s+of\s+(?:the\s+)?",
                      re.IGNORECASE)


def _seat_place(seats: dict[str, str]) -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(k) for k in seats), key=len, reverse=True))
    # past verbs only: "look forward to meeting again at the White House" is a meeting to come
    return re.compile(r"\b(?:met|gathered|convened|held|hosted|visited|welcom(?:e|es|ed))\b"
                      rf"[^.;]{{0,80}}?\b(?:at|to)\s+(?:the\s+)?(?P<seat>{names})\b")


def build_leader_book(file: LeadersFile) -> LeaderBook:
    leaders = tuple(Leader(tuple(e.names), e.code, e.start.isoformat(), e.end.isoformat()) for e in file.leaders)
    return LeaderBook(leaders, tuple(file.titles), tuple(file.head_titles), tuple(file.deputy_prefixes),
                      tuple(file.honorifics))
