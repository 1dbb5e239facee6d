"""The thread gold files: gold/threads/pairs.yaml (dev: the linker's settings were chosen on it)
and gold/threads/heldout.yaml (held out: never used for tuning). Both must be well formed,
label every pair `same` or `different`, and quote every statement verbatim from the White
House archive in shared/corpus/wh-briefings (format: docs/threads.md)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
import yaml

from pledgebook.codebook import Codebook
from pledgebook.link.config import load_config
from pledgebook.link.quality import GOLD_PAIRS, load_gold_pairs

REPO = Path(__file__).resolve().parents[2]
HELDOUT_PAIRS = REPO / "gold" / "threads" / "heldout.yaml"
THREAD_GOLD = [GOLD_PAIRS, HELDOUT_PAIRS]
CORPUS = Path(os.environ.get("PLEDGEBOOK_CORPUS") or REPO.parent / "shared" / "corpus")
ARCHIVE = CORPUS / "wh-briefings"


def _raw(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _flat(text: str) -> str:
    """The archive's Markdown as plain text: pandoc's backslash escapes and bold markers undone,
    no-break spaces and line wrapping made single spaces. Quotes are compared in this form."""
    text = re.sub(r"\\(.)", r"\1", text).replace("**", "").replace("\u00a0", " ")
    return " ".join(text.split())


@pytest.mark.parametrize("path", THREAD_GOLD, ids=lambda p: p.name)
def test_thread_gold_is_well_formed(path: Path) -> None:
    raw = _raw(path)
    assert raw["version"] == 1
    statements, pairs = load_gold_pairs(path)  # raises on unknown ids and labels
    book = Codebook.load()
    sectors = book.sector_ids
    codes = set(book.actors.countries) | set(book.actors.groups)
    kinds = set(load_config().entity_kinds) | {"place"}
    parties: dict[str, list[str]] = {}
    for sid, s in raw["statements"].items():
        assert set(s) <= {"date", "source", "parties", "actors", "sectors", "entities", "text"}, sid
        assert isinstance(s["date"], dt.date) and s["date"].isoformat() in s["source"], sid
        assert s["actors"] and set(s["actors"]) <= codes, sid
        # the document's parties give the scope gate: present, known, one value per document
        assert s["parties"] and set(s["parties"]) <= codes, sid
        assert parties.setdefault(s["source"], s["parties"]) == s["parties"], sid
        assert statements[sid].item.scope == frozenset(s["parties"]), sid
        assert s["sectors"] and set(s["sectors"]) <= sectors, sid
        for name, kind in s.get("entities", []):
            assert name.strip() and kind in kinds, (sid, name, kind)
    assert len(pairs) >= 50
    keys = [frozenset((p.a, p.b)) for p in pairs]
    assert len(set(keys)) == len(keys), "a pair is listed twice"
    assert all(p.a != p.b for p in pairs)
    assert {x for p in pairs for x in (p.a, p.b)} <= set(statements)
    positives = sum(p.same for p in pairs) / len(pairs)
    assert 0.3 <= positives <= 0.6, positives


def test_heldout_shares_nothing_with_dev() -> None:
    dev, held = _raw(GOLD_PAIRS)["statements"], _raw(HELDOUT_PAIRS)["statements"]
    assert not set(dev) & set(held)
    assert not {s["source"] for s in dev.values()} & {s["source"] for s in held.values()}
    assert not {" ".join(s["text"].split()) for s in dev.values()} & {" ".join(s["text"].split()) for s in held.values()}


@pytest.mark.parametrize("path", THREAD_GOLD, ids=lambda p: p.name)
def test_thread_gold_quotes_the_archive(path: Path) -> None:
    if not ARCHIVE.is_dir():
        pytest.skip(f"White House archive not found at {ARCHIVE} (set PLEDGEBOOK_CORPUS)")
    texts: dict[str, str] = {}
    missing = []
    for sid, s in _raw(path)["statements"].items():
        source = ARCHIVE / s["source"]
        assert source.is_file(), (sid, s["source"])
        if s["source"] not in texts:
            texts[s["source"]] = _flat(source.read_text(encoding="utf-8"))
        if _flat(s["text"]) not in texts[s["source"]]:
            missing.append(sid)
    assert not missing, f"not quoted verbatim from their source: {missing}"
