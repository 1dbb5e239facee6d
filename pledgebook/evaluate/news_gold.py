"""News thread gold: ``GOLD_DIR/threads/<rel>.yaml`` (threads of one relationship, each with
its mentions: a document and an anchor quoted from its text) over ``GOLD_DIR/texts/`` (the
news texts). Format: docs/threads.md, "End to end, from texts".

Loading validates everything before any extraction runs: a malformed YAML, an unknown
document or an anchor not found in its text is a ``NewsGoldError`` listing every problem.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pledgebook.evaluate.gold import find_occurrence
from pledgebook.read import RawDocument, ReadError, read_document


class NewsGoldError(Exception):
    """Thread gold that cannot be used; ``problems`` has one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Mention(_Strict):
    doc: str = Field(min_length=1)  # a text's file name without extension
    anchor: str = Field(min_length=1)
    occurrence: int = Field(default=1, ge=1)  # the n-th match of the anchor in the body
    note: str | None = None


class _Thread(_Strict):
    project: str | None = None
    sector: str | None = None
    note: str | None = None
    mentions: list[_Mention] = Field(min_length=1)


class _ThreadsFile(_Strict):
    version: int = Field(ge=1, le=1)
    relationship: list[str] = Field(min_length=1)
    threads: dict[str, _Thread] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class NewsText:
    name: str  # file name without extension: what mentions call ``doc``
    path: Path
    raw: RawDocument

    @property
    def date(self) -> str:
        """Publication date for ordering: the front matter's, else the name's YYYY-MM-DD prefix."""
        return self.raw.date or self.name[:10]


@dataclass(frozen=True, slots=True)
class Mention:
    relationship: str  # the threads file's name, e.g. idn-chn
    thread: str
    doc: str
    anchor: str
    start: int  # the anchor's span in the text as read (front matter included, as statement spans)
    end: int

    @property
    def label(self) -> str:
        return f"{self.doc}@{self.start}"


@dataclass(frozen=True, slots=True)
class Relationship:
    name: str
    parties: tuple[str, ...]
    threads: dict[str, tuple[Mention, ...]]
    projects: dict[str, str | None]


@dataclass(frozen=True, slots=True)
class GoldPair:
    a: Mention
    b: Mention
    same: bool


@dataclass(frozen=True, slots=True)
class NewsGold:
    directory: Path
    texts: dict[str, NewsText]  # by name
    relationships: dict[str, Relationship]  # by threads file name

    def mentions(self) -> Iterator[Mention]:
        for rel in self.relationships.values():
            for mentions in rel.threads.values():
                yield from mentions

    def pairs(self) -> Iterator[GoldPair]:
        """``same``: two mentions of one thread in different documents; ``different`` (hard
        negatives): two mentions in different documents of two threads of one relationship."""
        for rel in self.relationships.values():
            for mentions in rel.threads.values():
                for a, b in itertools.combinations(mentions, 2):
                    if a.doc != b.doc:
                        yield GoldPair(a, b, True)
            for one, other in itertools.combinations(rel.threads.values(), 2):
                for a, b in itertools.product(one, other):
                    if a.doc != b.doc:
                        yield GoldPair(a, b, False)


def load_news_gold(directory: str | Path) -> NewsGold:
    """Read and check ``directory``'s threads/*.yaml and texts/; raise ``NewsGoldError``."""
    directory = Path(directory)
    threads_dir, texts_dir = directory / "threads", directory / "texts"
    missing = [f"{d}: not a directory" for d in (threads_dir, texts_dir) if not d.is_dir()]
    if missing:
        raise NewsGoldError(missing)
    problems: list[str] = []
    texts = _read_texts(texts_dir, problems)
    relationships = {}
    files = sorted(p for p in threads_dir.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if not files:
        problems.append(f"{threads_dir}: no threads files (*.yaml)")
    for path in files:
        spec = _parse(path, problems)
        if spec is not None:
            relationships[path.stem] = _resolve(path, spec, texts, problems)
    if problems:
        raise NewsGoldError(problems)
    return NewsGold(directory, texts, relationships)


def _read_texts(texts_dir: Path, problems: list[str]) -> dict[str, NewsText]:
    texts: dict[str, NewsText] = {}
    for path in sorted(p for p in texts_dir.iterdir() if p.is_file() and not p.name.startswith(".")):
        if path.stem in texts:
            problems.append(f"{path}: another text is also named {path.stem!r}")
            continue
        try:  # the reader ingest uses, so spans agree with the stored statements'
            texts[path.stem] = NewsText(path.stem, path, read_document(str(path), source=str(path)))
        except ReadError as err:
            problems.append(f"{path}: cannot read: {err.reason}")
    if not texts:
        problems.append(f"{texts_dir}: no texts")
    return texts


def _parse(path: Path, problems: list[str]) -> _ThreadsFile | None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        problems.append(f"{path}: cannot read YAML: {' '.join(str(err).split())}")
        return None
    try:
        return _ThreadsFile.model_validate(data)
    except ValidationError as err:
        for e in err.errors():
            where = ".".join(str(p) for p in e["loc"]) or "<top>"
            problems.append(f"{path}: {where}: {e['msg']}")
        return None


def _resolve(path: Path, spec: _ThreadsFile, texts: dict[str, NewsText], problems: list[str]) -> Relationship:
    threads: dict[str, tuple[Mention, ...]] = {}
    for tid, thread in spec.threads.items():
        resolved = []
        for i, m in enumerate(thread.mentions):
            where = f"{path}: threads.{tid}.mentions.{i}"
            text = texts.get(m.doc)
            if text is None:
                problems.append(f"{where}: no text {m.doc!r} in texts/")
                continue
            body = text.raw.text[text.raw.body_start:]
            found = find_occurrence(body, m.anchor, m.occurrence)
            if found is None:
                count = body.count(m.anchor)
                reason = "anchor not found in the text" if count == 0 else (
                    f"occurrence {m.occurrence} asked for, but the anchor occurs {count} time(s)")
                problems.append(f"{where}: {reason}: {m.anchor!r}")
                continue
            start = text.raw.body_start + found
            resolved.append(Mention(path.stem, tid, m.doc, m.anchor, start, start + len(m.anchor)))
        threads[tid] = tuple(resolved)
    projects = {tid: t.project for tid, t in spec.threads.items()}
    return Relationship(path.stem, tuple(spec.relationship), threads, projects)
