"""Benchmark smoke test: it runs and returns sensible numbers (no timing assertions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pledgebook.evaluate.bench import SAMPLES, run_bench, sample_paths


def test_bench_runs_on_two_tiny_texts(tmp_path):
    a = tmp_path / "a.md"
    a.write_text("---\ntitle: Joint statement\n---\nThe two countries agreed to build a railway by 2030.\n")
    b = tmp_path / "b.txt"
    b.write_text("China pledged to expand trade with Pakistan. Both sides condemned terrorism.\n")
    result = run_bench([a, b], jobs=1, repeat=1, sample="tiny")
    assert result.documents == 2
    assert result.words == 10 + 11  # bodies only: the front matter is not counted
    assert result.ours_wps > 0 and result.spacy_wps > 0 and result.ratio > 0
    assert result.peak_rss_self_mb > 0
    assert "parser" in result.spacy_components and "ner" in result.spacy_components  # the full pipeline
    assert result.to_dict()["ratio"] == pytest.approx(result.ratio)


def test_sample_lists_resolve_against_the_corpus(corpus: Path):
    for name in SAMPLES:
        paths = sample_paths(name, corpus)
        assert len(paths) == len(set(paths)) >= 40
    assert all("joint-statement" in p.name or "joint-leaders" in p.name for p in sample_paths("joint", corpus))
