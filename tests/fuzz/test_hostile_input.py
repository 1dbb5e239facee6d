"""Hostile and malformed input never crashes a reader, the segmenter or the extractor, never
hangs, and never leaves a broken row in the ledger (property-based: tests/fuzz/hostile.py)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pledgebook.read import DEFAULT_LIMITS, RawDocument, ReadError, ReadLimits, read_document, read_text
from pledgebook.segment.segmenter import segment

from .hostile import (
    bomb_pdf,
    encrypted_pdf,
    hostile_bytes,
    nested_html,
    odd_text,
    prose,
    suffixes,
)
from .ledger_check import ledger_problems
from .profiles import profile

# Small enough for the CI profile's cases to stay quick; the limits are what is under test.
LIMITS = ReadLimits(max_chars=300_000)
PER_CASE_SECONDS = 60  # a case slower than this is a hang


def _read(data: bytes, suffix: str, tmp: Path) -> RawDocument | None:
    """The document read from ``data`` in a file named with ``suffix``, or None after a clean
    refusal: a ReadError whose message is one line naming the file."""
    path = tmp / f"case{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path, limits=LIMITS)
    except ReadError as err:
        assert str(err).startswith(f"{path}: ") and "\n" not in str(err), str(err)
        return None
    assert isinstance(doc.text, str) and 0 <= doc.body_start <= len(doc.text) <= LIMITS.max_chars
    doc.text.encode("utf-8")  # storable: no lone surrogates
    return doc


def _check_segments(doc: RawDocument) -> None:
    for para in segment(doc):
        assert doc.body_start <= para.span.start <= para.span.end <= len(doc.text)
        for sent in para.sentences:
            assert para.span.start <= sent.span.start <= sent.span.end <= para.span.end
            # every character of the clean view is the character it maps back to (or a space)
            for i, ch in enumerate(sent.view.clean):
                assert ch == " " or doc.text[sent.view.index[i]] == ch
            for clause in sent.clauses:
                assert sent.span.start <= clause.start <= clause.end <= sent.span.end


@profile(scale=3)
@given(data=hostile_bytes, suffix=suffixes)
def test_readers_and_segmenter_survive_hostile_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        doc = _read(data, suffix, Path(tmp))
        if doc is not None:
            _check_segments(doc)
        assert time.monotonic() - started < PER_CASE_SECONDS


@profile(scale=0.5)
@given(html=nested_html())
def test_deep_or_broken_html_reads_or_fails_cleanly(html):
    with tempfile.TemporaryDirectory() as tmp:
        doc = _read(html, ".html", Path(tmp))
        if doc is not None:
            _check_segments(doc)


@profile(scale=2)
@given(text=st.lists(st.one_of(prose, odd_text), min_size=1, max_size=6).map("\n".join),
       fmt=st.sampled_from(["text", "markdown", "html"]))
def test_segmenter_on_any_text(text, fmt):
    try:
        doc = read_text(text, format=fmt, limits=LIMITS)
    except ReadError as err:
        assert "\n" not in str(err)
        return
    _check_segments(doc)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    from pledgebook.store.database import open_database

    path = tmp_path_factory.mktemp("fuzz-ledger") / "ledger.db"
    engine = open_database(f"sqlite:///{path}")
    yield engine, path
    engine.dispose()


@profile(scale=0.25)
@given(data=hostile_bytes, suffix=suffixes, lead=prose)
def test_ingest_of_hostile_files_keeps_the_ledger_sound(ledger, data, suffix, lead):
    """Prose with hostile bytes after it: ingested (extraction and storage) or refused, and the
    ledger stays sound either way."""
    from pledgebook.store.batch import ingest_paths

    engine, path = ledger
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / f"doc{suffix}"
        file.write_bytes(lead.encode() + b"\n\n" + data)
        summary = ingest_paths(engine, [str(file)], limits=LIMITS)
    assert summary.new + summary.unchanged + summary.reextracted + len(summary.failed) == 1
    for _, reason in summary.failed:
        assert reason and "\n" not in reason and "Traceback" not in reason
    assert ledger_problems(path) == []


def test_encrypted_pdf_is_refused(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf())
    with pytest.raises(ReadError, match=r"encrypted PDF \(a password is needed to read it\)$"):
        read_document(path)


def test_pdf_compression_bomb_is_refused_without_inflating_it(tmp_path):
    """A page whose content stream inflates to 70 MB (70 KB on disk; pypdf alone would inflate
    it whole, under its own 75 MB cap): refused at the 16 MB cap, in a few times that much memory."""
    import tracemalloc

    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb_pdf(70 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(ReadError, match=r"malformed PDF \(a stream inflates past the 16 MB limit"):
            read_document(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * DEFAULT_LIMITS.max_pdf_stream_bytes < 70 * 1024 * 1024


def test_many_bomb_pages_stay_under_the_cap(tmp_path):
    """Pages of 8 MB blank streams (under the cap): read one at a time, nothing to extract."""
    path = tmp_path / "bombs.pdf"
    path.write_bytes(bomb_pdf(8 * 1024 * 1024, pages=6))
    with pytest.raises(ReadError, match=r"no text in PDF \(6 page"):
        read_document(path)
