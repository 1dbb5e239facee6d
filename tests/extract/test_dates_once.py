"""dateparser is loaded with the model, and a dated expression is resolved once per process
whatever the date of the document it is in (only "this/next year" reads that date)."""

from __future__ import annotations

import sys

from pledgebook.extract import when


def test_an_extractor_loads_dateparser_when_built(extractor):
    assert "dateparser" in sys.modules


def test_an_explicit_date_is_resolved_once_for_every_document_date():
    expr = "by the end of March 2031"
    before = when._explicit.cache_info()
    dates = [when._resolve(expr, "deadline", d) for d in ("2023-05-01", "2024-11-30", None)]
    after = when._explicit.cache_info()
    assert dates == ["2031-03"] * 3
    assert after.misses - before.misses <= 1 and after.hits - before.hits >= 2


def test_a_relative_year_still_reads_the_document_date():
    assert when._resolve("by the end of next year", "deadline", "2023-05-01") == "2024"
    assert when._resolve("by the end of next year", "deadline", "2025-01-09") == "2026"
