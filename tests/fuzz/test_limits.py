"""A document over the limits is refused at once, with one line that names the limit and the
option that raises it, before it costs memory; the inputs are made at test time (bigfiles.py)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgebook.read import DEFAULT_LIMITS, ReadError, ReadLimits, read_document
from pledgebook.serve.cli import app

from .bigfiles import write_one_line, write_pdf, write_text
from .ledger_check import ledger_problems

FIFTY_MB = 50_000_000


def _refusal(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> tuple[str, int]:
    """The one-line refusal of ``path`` and the most memory reading it took (bytes)."""
    tracemalloc.start()
    try:
        with pytest.raises(ReadError) as err:
            read_document(path, limits=limits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "\n" not in str(err.value)
    return str(err.value), peak


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("big")


def test_a_50_mb_text_is_refused_without_being_read(big):
    message, peak = _refusal(write_text(big / "archive.txt", FIFTY_MB))
    assert message.endswith("text over the 1,500,000-character limit for one document (a 48 MB file); "
                            "split it into documents or raise the limit with --max-chars")
    assert peak < 1_000_000


def test_one_enormous_line_is_refused_without_being_read(big):
    message, peak = _refusal(write_one_line(big / "line.txt", FIFTY_MB))
    assert "--max-chars" in message and peak < 1_000_000


def test_the_text_limit_counts_characters_not_bytes(big):
    path = big / "accents.txt"
    path.write_text("Les deux côtés coopéreront. " * 400, encoding="utf-8")  # 11,200 characters, more bytes
    assert len(read_document(path, limits=ReadLimits(max_chars=11_200)).text) == 11_200
    message, _ = _refusal(path, ReadLimits(max_chars=11_199))
    assert "(11,200 characters)" in message


@pytest.fixture(scope="module")
def thousand_pages(big) -> Path:
    return write_pdf(big / "pages.pdf", 1000)


def test_a_long_pdf_stops_at_the_page_that_passes_the_limit(thousand_pages):
    message, _ = _refusal(thousand_pages, ReadLimits(max_chars=30_000))
    assert "text over the 30,000-character limit for one document (passed at page 18 of 1,000)" in message


def test_a_pdf_over_the_page_limit_is_refused_before_any_page_is_read(thousand_pages):
    message, peak = _refusal(thousand_pages, ReadLimits(max_pdf_pages=999))
    assert message.endswith("PDF has 1,000 pages, over the 999-page limit for one document; "
                            "split it into documents or raise the limit with --max-pdf-pages")
    assert peak < 10 * thousand_pages.stat().st_size  # pypdf's page tree (15 KB a page), no page's text


def test_limits_must_be_positive():
    with pytest.raises(ValueError, match="max_chars must be at least 1"):
        ReadLimits(max_chars=0)


def test_ingest_refuses_the_big_file_and_stores_the_rest(big, tmp_path):
    (tmp_path / "docs").mkdir()
    write_text(tmp_path / "docs" / "a-big.txt", 3_000_000)
    write_text(tmp_path / "docs" / "b-small.txt", 2_000, seed=3)
    db = tmp_path / "ledger.db"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "docs"), "--db", str(db), "--no-progress",
                                      "--no-link", "--max-chars", "1000000"])
    assert result.exit_code == 1, result.output
    assert "a-big.txt: text over the 1,000,000-character limit for one document (3,000,000 characters)" \
        in " ".join(result.output.split())
    assert "1 new, 0 unchanged, 0 re-extracted, 1 failed" in result.output
    assert ledger_problems(db) == []


def test_a_limit_below_one_is_a_usage_error(tmp_path):
    write_text(tmp_path / "a.txt", 500)
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "--max-chars", "0"])
    assert result.exit_code == 2


def test_the_pdf_limit_counts_the_text_as_read(tmp_path):
    """A PDF whose text is exactly the limit is read; one character less refuses it."""
    from read.pdfmaker import make_pdf

    path = tmp_path / "two.pdf"
    path.write_bytes(make_pdf([["France will build a road."], ["Kenya will build a port."]]))
    length = len(read_document(path).text)
    assert len(read_document(path, limits=ReadLimits(max_chars=length)).text) == length
    message, _ = _refusal(path, ReadLimits(max_chars=length - 1))
    assert "(passed at page 2 of 2)" in message
