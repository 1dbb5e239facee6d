"""Benchmark smoke tests: each section runs on tiny inputs and returns consistent numbers
(no timing assertions: the benchmark is a measurement, not a timed test)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pledgebook.evaluate.bench import (
    SAMPLES,
    fresh_postgres,
    fresh_sqlite,
    postgres_server,
    run_bench,
    run_ingest_bench,
    run_report,
    sample_paths,
)
from pledgebook.serve.cli import app

TINY_WORDS = 10 + 11  # bodies only: the front matter is not counted


@pytest.fixture
def tiny(tmp_path: Path) -> list[Path]:
    a = tmp_path / "a.md"
    a.write_text("---\ntitle: Joint statement\n---\nThe two countries agreed to build a railway by 2030.\n")
    b = tmp_path / "b.txt"
    b.write_text("China pledged to expand trade with Pakistan. Both sides condemned terrorism.\n")
    return [a, b]


def test_bench_runs_on_two_tiny_texts(tiny: list[Path]):
    result = run_bench(tiny, jobs=1, repeat=1, sample="tiny")
    assert result.documents == 2
    assert result.words == TINY_WORDS
    assert result.ours_wps > 0 and result.spacy_wps > 0 and result.ratio > 0
    assert 0 < result.peak_rss_extract_mb <= result.peak_rss_self_mb  # extraction's own peak comes first
    assert result.ours_cpu_seconds > 0 and result.spacy_cpu_seconds > 0
    assert result.cpu_ratio == pytest.approx(result.spacy_cpu_seconds / result.ours_cpu_seconds)
    assert "parser" in result.spacy_components and "ner" in result.spacy_components  # the full pipeline
    assert result.to_dict()["ratio"] == pytest.approx(result.ratio)


def test_report_runs_every_section(tiny: list[Path]):
    report = run_report(tiny, sample="tiny", pg_url=None, link_statements=2000)
    assert report.extract is not None and report.extract.words == TINY_WORDS
    (sqlite,) = report.ingest
    assert (sqlite.backend, sqlite.documents, sqlite.words, sqlite.stored, sqlite.failed) == ("sqlite", 2, TINY_WORDS, 2, [])
    assert sqlite.documents_per_second == pytest.approx(2 / sqlite.seconds)
    assert sqlite.words_per_second == pytest.approx(TINY_WORDS / sqlite.seconds)
    assert any("PostgreSQL not measured" in note for note in report.ingest_notes)
    link = report.link
    assert link is not None and link["statements"] == 2000
    assert link["total_seconds"] > 0 and 0 < link["threads"] <= 2000
    assert link["within_budget"] is True  # 2,000 statements, far under the 100,000 of the budget
    as_json = json.loads(json.dumps(report.to_dict()))
    assert as_json["ingest"][0]["stored"] == 2 and as_json["link"]["statements"] == 2000


def test_report_runs_only_the_sections_asked_for(tiny: list[Path]):
    report = run_report(tiny, what=["ingest"])
    assert report.extract is None and report.link is None and len(report.ingest) == 1
    with pytest.raises(ValueError, match="unknown bench section"):
        run_report(tiny, what=["extract", "speed"])


def test_postgres_server_option_beats_the_environment(monkeypatch):
    monkeypatch.delenv("PLEDGEBOOK_BENCH_PG_URL", raising=False)
    monkeypatch.setenv("PLEDGEBOOK_TEST_PG_URL", "postgresql://test")
    assert postgres_server(None) == "postgresql://test"
    monkeypatch.setenv("PLEDGEBOOK_BENCH_PG_URL", "postgresql://bench")
    assert postgres_server(None) == "postgresql://bench"
    assert postgres_server("postgresql://given") == "postgresql://given"


@pytest.mark.postgres
def test_ingest_bench_on_a_fresh_postgres_database_that_is_dropped(tiny: list[Path]):
    server = os.environ.get("PLEDGEBOOK_TEST_PG_URL")
    if not server:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("PLEDGEBOOK_TEST_PG_URL is not set", pytrace=False)
        pytest.skip("PLEDGEBOOK_TEST_PG_URL is not set: run `eval \"$(scripts/start-postgres.sh)\"` first")
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    with fresh_postgres(server) as url:
        name = make_url(url).database
        result = run_ingest_bench(tiny, url)
    assert (result.backend, result.stored, result.words, result.failed) == ("postgresql", 2, TINY_WORDS, [])
    admin = create_engine(make_url(url).set(database="postgres"))
    with admin.connect() as conn:
        left = conn.exec_driver_sql("SELECT count(*) FROM pg_database WHERE datname = %s", (name,)).scalar()
    admin.dispose()
    assert left == 0


def test_fresh_sqlite_is_removed_afterwards():
    with fresh_sqlite() as url:
        path = Path(url.removeprefix("sqlite:///"))
        assert path.parent.is_dir()
    assert not path.parent.exists()


def test_cli_link_section_as_json():
    out = CliRunner().invoke(app, ["bench", "--what", "link", "--link-statements", "2000", "--format", "json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.stdout)
    assert report["extract"] is None and report["ingest"] == []
    assert report["link"]["statements"] == 2000 and report["link"]["total_seconds"] > 0


def test_cli_rejects_an_unknown_section():
    out = CliRunner().invoke(app, ["bench", "--what", "extract,speed"])
    assert out.exit_code == 2
    assert "speed" in out.output


def test_sample_lists_resolve_against_the_corpus(corpus: Path):
    for name in SAMPLES:
        paths = sample_paths(name, corpus)
        assert len(paths) == len(set(paths)) >= 40
    assert all("joint-statement" in p.name or "joint-leaders" in p.name for p in sample_paths("joint", corpus))
