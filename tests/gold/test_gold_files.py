"""Sanity checks on the hand-annotated gold sets (format in docs/gold-format.md): the development
set gold/*.yaml, the news development set gold/news/*.yaml with its thread gold
gold/news/threads/*.yaml, and the held-out sets gold/heldout2/*.yaml, gold/heldout8/*.yaml and gold/heldout9/*.yaml (annotated
blind, never tuned on).

They catch what breaks scoring silently: anchors that drift from the text, labels outside the
codebook, strengths on non-commitments, texts that are not the recorded copies.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path

import pytest
import yaml

from pledgebook.evaluate.gold import load_gold
from pledgebook.read import read_document

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "gold"
HELDOUT2 = GOLD / "heldout2"  # second blind batch (session 6): corpus copies and page excerpts
HELDOUT8 = GOLD / "heldout8"  # eighth blind batch (session 15); heldout5-7 were promoted into gold/
HELDOUT9 = GOLD / "heldout9"  # ninth blind batch (session 16)
YARDSTICK = GOLD / "yardstick"
NEWS = GOLD / "news"  # news reports; provenance in NEWS/SOURCES.md (pages, not corpus files)
NEWS_HELDOUT = GOLD / "news-heldout"  # blind held-out news set, same format as NEWS
NEWS_DIRS = [NEWS, NEWS_HELDOUT]
GOLD_DIRS = [GOLD, HELDOUT2, HELDOUT8, HELDOUT9, YARDSTICK]  # each folder: <stem>.yaml + texts/<stem>.<ext> + texts/SOURCES.md
SECTORS_FILE = REPO / "pledgebook" / "codebook" / "data" / "sectors.yaml"
DEV_FILES = sorted(GOLD.glob("*.yaml"))
NEWS_FILES = sorted(NEWS.glob("*.yaml")) + sorted(NEWS_HELDOUT.glob("*.yaml"))
HELDOUT_FILES = (sorted(HELDOUT2.glob("*.yaml")) + sorted(HELDOUT8.glob("*.yaml"))
                 + sorted(HELDOUT9.glob("*.yaml")) + sorted(YARDSTICK.glob("*.yaml")))
GOLD_FILES = DEV_FILES + NEWS_FILES + HELDOUT_FILES
CORPUS = Path(os.environ.get("PLEDGEBOOK_CORPUS") or REPO.parent / "shared" / "corpus")

KINDS = {"commitment", "position", "appreciation", "agreement", "meeting", "discussion"}
STRENGTHS = {"firm", "moderate", "soft"}
GENRES = {"bilateral_joint_statement", "trade_statement", "readout", "multilateral_communique",
          "un_speech", "news_report", "other"}
DOC_KINDS = {"joint_statement", "communique", "declaration", "readout", "news_report", "speech",
             "fact_sheet", "other"}
ACTORS_FILE = REPO / "pledgebook" / "codebook" / "data" / "actors.yaml"
# group codes of the codebook (G7, G20, QUAD, EU, ASEAN, BRICS, SCO, AU, ...)
GROUP_CODES = set(yaml.safe_load(ACTORS_FILE.read_text(encoding="utf-8"))["groups"])
ISO3 = re.compile(r"[A-Z]{3}")


def _sector_ids() -> set[str]:
    data = yaml.safe_load(SECTORS_FILE.read_text(encoding="utf-8"))
    return {s["id"] for s in data["sectors"]}


def _check_date(value: str) -> None:
    """Full ISO date, or year / year-month when the text gives no day (UN speeches)."""
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value), value
    if len(value) == 10:
        dt.date.fromisoformat(value)


def _valid_actor(code: str) -> bool:
    return code in GROUP_CODES or bool(ISO3.fullmatch(code))


def _nth(text: str, anchor: str, n: int) -> int:
    pos = -1  # overlapping matches, exactly as the evaluator counts occurrences
    for _ in range(n):
        pos = text.find(anchor, pos + 1)
        if pos < 0:
            return -1
    return pos


def _id(path: Path) -> str:
    return str(path.relative_to(GOLD).with_suffix(""))


def _sources(folder: Path) -> dict[str, str]:
    """File name -> original corpus path, from the table rows of folder/texts/SOURCES.md."""
    rows = {}
    for line in (folder / "texts" / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = re.findall(r"`([^`]+)`", line)
        if line.startswith("|") and len(cells) >= 2:
            rows[cells[0]] = cells[1]
    return rows


def test_gold_set_is_not_empty() -> None:
    assert len(DEV_FILES) >= 12
    assert len(HELDOUT_FILES) >= 4


@pytest.mark.parametrize("path", GOLD_FILES, ids=_id)
def test_gold_file(path: Path) -> None:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    text_path = path.parent / spec["document"]
    assert text_path.is_file(), f"missing text {text_path}"
    assert text_path.parent == path.parent / "texts" and text_path.stem == path.stem
    text = read_document(str(text_path)).text

    assert spec["genre"] in GENRES
    meta = spec["metadata"]
    _check_date(meta["date"])
    assert meta["kind"] in DOC_KINDS
    assert meta["parties"] == sorted(meta["parties"]) and all(_valid_actor(p) for p in meta["parties"])

    lo, hi = 0, len(text)
    if "excerpt" in spec:
        lo, hi = spec["excerpt"]["start"], spec["excerpt"]["end"]
        assert 0 <= lo < hi <= len(text)

    sectors = _sector_ids()
    spans: set[tuple[int, int]] = set()
    for i, st in enumerate(spec["statements"]):
        where = f"{path.name} statements[{i}] {st['anchor']!r}"
        anchor = st["anchor"]
        assert anchor == anchor.strip() and 1 <= len(anchor.split()) <= 14, where
        count = text.count(anchor)
        assert count >= 1, f"{where}: anchor not in the text"
        if count > 1:
            assert "occurrence" in st, f"{where}: occurs {count} times, give occurrence"
        start = _nth(text, anchor, st.get("occurrence", 1))
        assert start >= 0, f"{where}: occurrence {st.get('occurrence')} does not exist"
        assert lo <= start and start + len(anchor) <= hi, f"{where}: outside the excerpt"
        assert (start, start + len(anchor)) not in spans, f"{where}: duplicate statement"
        spans.add((start, start + len(anchor)))

        assert st["kind"] in KINDS, where
        if st["kind"] == "commitment":
            assert st.get("strength") in STRENGTHS, f"{where}: commitment without a valid strength"
        else:
            assert "strength" not in st, f"{where}: only commitments carry a strength"
        actors = st["actors"]
        assert actors and actors == sorted(set(actors)), f"{where}: actors must be sorted, unique"
        assert all(_valid_actor(a) for a in actors), f"{where}: bad actor code {actors}"
        assert set(st["sectors"]) <= sectors and len(set(st["sectors"])) == len(st["sectors"]), where
        assert all(isinstance(e, str) and e.strip() for e in st.get("entities", [])), where
        if st.get("optional"):
            assert st.get("note"), f"{where}: optional statements need a note"


@pytest.mark.parametrize("path", GOLD_FILES, ids=_id)
def test_evaluator_accepts_gold(path: Path) -> None:
    gold = load_gold(path)
    assert gold.errors == []
    assert len(gold.statements) == len(yaml.safe_load(path.read_text(encoding="utf-8"))["statements"])


@pytest.mark.parametrize("folder", GOLD_DIRS, ids=["dev", "heldout2", "heldout8", "heldout9", "yardstick"])
def test_every_text_is_credited(folder: Path) -> None:
    sources = (folder / "texts" / "SOURCES.md").read_text(encoding="utf-8")
    for text in (folder / "texts").iterdir():
        if text.name != "SOURCES.md":
            assert text.name in sources, f"{text.name} has no provenance in SOURCES.md"


def _is_page(origin: str) -> bool:
    """A SOURCES.md row whose origin is a URL records a page excerpt, not a corpus file."""
    return origin.startswith(("http://", "https://"))


@pytest.mark.parametrize("folder", GOLD_DIRS, ids=["dev", "heldout2", "heldout8", "heldout9", "yardstick"])
def test_texts_are_exact_corpus_copies(folder: Path) -> None:
    """Every corpus text is byte-for-byte the corpus file SOURCES.md names (skipped without the
    corpus); page excerpts are checked by test_page_excerpts_name_their_source."""
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    rows = _sources(folder)
    for text in (folder / "texts").iterdir():
        if text.name != "SOURCES.md" and not _is_page(rows[text.name]):
            original = CORPUS / rows[text.name]
            assert original.name == text.name, f"{text.name}: recorded as {rows[text.name]}"
            assert original.read_bytes() == text.read_bytes(), f"{text.name} differs from {original}"


@pytest.mark.parametrize("folder", GOLD_DIRS, ids=["dev", "heldout2", "heldout8", "heldout9", "yardstick"])
def test_page_excerpts_name_their_source(folder: Path) -> None:
    """A page excerpt is Markdown whose front matter gives title, date, publisher and the very
    URL that SOURCES.md records for it."""
    for name, origin in _sources(folder).items():
        if not _is_page(origin):
            continue
        text = (folder / "texts" / name).read_text(encoding="utf-8")
        assert name.endswith(".md") and text.startswith("---\n"), name
        front = yaml.safe_load(text.split("---")[1])
        assert {"title", "date", "source", "publisher"} <= set(front), name
        assert front["source"] == origin, f"{name}: front matter source differs from SOURCES.md"


@pytest.mark.parametrize("folder", [HELDOUT2, HELDOUT8, HELDOUT9], ids=["heldout2", "heldout8", "heldout9"])
def test_heldout_set_is_disjoint_from_development_set(folder: Path) -> None:
    """No held-out document is (a copy of) a development document or of a document of another
    held-out batch: names and contents differ."""
    def texts(folder: Path) -> list[Path]:
        return [t for t in (folder / "texts").iterdir() if t.name != "SOURCES.md"]

    others = [GOLD, NEWS] + [f for f in (HELDOUT2, HELDOUT8, HELDOUT9) if f != folder]
    other_texts = [t for f in others for t in texts(f)]
    other_names = {t.name for t in other_texts}
    other_hashes = {hashlib.sha256(t.read_bytes()).hexdigest() for t in other_texts}
    for text in texts(folder):
        assert text.name not in other_names, f"{text.name} is also in another gold set"
        assert hashlib.sha256(text.read_bytes()).hexdigest() not in other_hashes, text.name
    yamls = sorted(folder.glob("*.yaml"))
    assert {p.stem for p in yamls}.isdisjoint(p.stem for p in DEV_FILES + NEWS_FILES)


@pytest.mark.parametrize(("folder", "least"), [(HELDOUT2, 4), (HELDOUT8, 5), (HELDOUT9, 5)],
                         ids=["heldout2", "heldout8", "heldout9"])
def test_blind_batch_is_of_several_genres(folder: Path, least: int) -> None:
    """A blind batch holds several documents of at least three genres."""
    specs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))]
    assert least <= len(specs) <= 16
    assert len({s["genre"] for s in specs}) >= 3


def test_development_set_holds_no_china_pakistan_text() -> None:
    """China–Pakistan is the yardstick pledgebook is judged on: its texts stay out of the
    development set (gold/yardstick/README.md)."""
    for path in (DEV_FILES + NEWS_FILES + sorted(HELDOUT2.glob("*.yaml"))
                 + sorted(HELDOUT8.glob("*.yaml")) + sorted(HELDOUT9.glob("*.yaml"))):
        parties = set(yaml.safe_load(path.read_text(encoding="utf-8"))["metadata"]["parties"] or ())
        assert not {"CHN", "PAK"} <= parties, f"{path.name} is a China–Pakistan text"
    for path in sorted(p for folder in NEWS_DIRS for p in (folder / "threads").glob("*.yaml")):
        relationship = set(yaml.safe_load(path.read_text(encoding="utf-8"))["relationship"])
        assert not {"CHN", "PAK"} <= relationship, f"{path.name} is a China–Pakistan thread set"


@pytest.mark.parametrize("folder", NEWS_DIRS, ids=["news", "news-heldout"])
def test_every_news_text_is_credited(folder: Path) -> None:
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    texts = sorted((folder / "texts").iterdir())
    assert len(texts) >= 20
    for text in texts:
        assert f"`{text.name}`" in sources, f"{text.name} has no provenance in {folder}/SOURCES.md"
        front = yaml.safe_load(text.read_text(encoding="utf-8").split("\n---")[0].removeprefix("---"))
        assert {"title", "date", "source", "publisher"} <= set(front), text.name
        assert str(front["source"]).startswith("http"), text.name


NEWS_THREAD_FILES = sorted(p for folder in NEWS_DIRS for p in (folder / "threads").glob("*.yaml"))


@pytest.mark.parametrize("path", NEWS_THREAD_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_news_thread_gold(path: Path) -> None:
    """Each mention's anchor occurs exactly once in its document, inside one of that document's
    gold statements; a thread spans documents (or it gives no pair); a relationship has two threads."""
    news = path.parent.parent  # the news folder the thread file belongs to
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert spec["version"] == 1 and spec["relationship"] == sorted(spec["relationship"])
    assert len(spec["threads"]) >= 2, "a relationship needs two threads for hard different pairs"
    seen: set[tuple[str, str]] = set()
    for name, thread in spec["threads"].items():
        docs = {m["doc"] for m in thread["mentions"]}
        assert len(docs) >= 2, f"{name}: mentions from one document give no pair"
        for m in thread["mentions"]:
            gold = news / f"{m['doc']}.yaml"
            assert gold.is_file(), f"{name}: no gold for {m['doc']}"
            text = read_document(str(news / "texts" / f"{m['doc']}.md")).text
            assert text.count(m["anchor"]) == 1, f"{name}: {m['anchor']!r} must occur once in {m['doc']}"
            anchors = [st["anchor"] for st in yaml.safe_load(gold.read_text(encoding="utf-8"))["statements"]]
            assert any(m["anchor"] in a or a in m["anchor"] for a in anchors), \
                f"{name}: {m['anchor']!r} is not a gold statement of {m['doc']}"
            assert (m["doc"], m["anchor"]) not in seen, f"{name}: mention listed twice"
            seen.add((m["doc"], m["anchor"]))


def test_news_heldout_set_is_disjoint_from_news_dev_set() -> None:
    """The blind news set shares no text and no relationship with the news dev set, so that a
    score on it says whether news changes generalise."""
    def texts(folder: Path) -> list[Path]:
        return sorted((folder / "texts").glob("*.md"))

    def relationships(folder: Path) -> set[frozenset[str]]:
        return {frozenset(yaml.safe_load(p.read_text(encoding="utf-8"))["relationship"])
                for p in (folder / "threads").glob("*.yaml")}

    dev_hashes = {hashlib.sha256(t.read_bytes()).hexdigest() for t in texts(NEWS)}
    dev_names = {t.name for t in texts(NEWS)}
    for text in texts(NEWS_HELDOUT):
        assert text.name not in dev_names, f"{text.name} is also in gold/news"
        assert hashlib.sha256(text.read_bytes()).hexdigest() not in dev_hashes, text.name
    assert relationships(NEWS_HELDOUT).isdisjoint(relationships(NEWS))
