from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from pledgebook.serve.cli import app
from pledgebook.store import ingest_record
from recordkit import CODEBOOK, EXTRACTOR, cpec_2023, usa_ind_2015


@pytest.fixture
def url(engine: Engine) -> str:
    for record, doc_text in (cpec_2023(), usa_ind_2015()):
        ingest_record(engine, record, doc_text, extractor_version=EXTRACTOR, codebook_version=CODEBOOK)
    return engine.url.render_as_string(hide_password=False)


def export(url: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["export", "--db", url, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csv_and_jsonl(url: str) -> None:
    rows = list(csv.DictReader(io.StringIO(export(url, "--format", "csv"))))
    assert len(rows) == 7 and rows[0]["entities"] == "ML-1" and rows[0]["actors"] == "CHN;PAK"
    assert (rows[0]["rule"], rows[0]["trigger"], rows[0]["trigger_words"]) == ("hand_made", "agree", "agreed;to")
    records = [json.loads(line) for line in export(url, "--format", "jsonl", "--kind", "commitment").splitlines()]
    assert [r["strength"] for r in records] == ["firm", "firm", "moderate"]
    assert records[0]["sectors"] == ["transport", "connectivity"]


def test_parquet(url: str, tmp_path: Path) -> None:
    out = tmp_path / "ledger.parquet"
    export(url, "--format", "parquet", "--output", str(out), "--since", "2020")
    table = pq.read_table(out)
    assert table.num_rows == 4 and table.column("actors").to_pylist()[0] == ["CHN", "PAK"]
    assert table.column("trigger_words").to_pylist()[0] == ["agreed", "to"]


def test_plover_events_are_dyadic(url: str) -> None:
    events = [json.loads(line) for line in export(url, "--format", "events").splitlines()]
    # only statements with a PLOVER type; a joint statement gives one event per direction
    assert [(e["actor"], e["recipient"], e["event_type"], e["cameo"]) for e in events] == [
        ("CHN", "PAK", "AGREE", "031"), ("PAK", "CHN", "AGREE", "031"),
        ("CHN", "PAK", "SUPPORT", "051"), ("PAK", "CHN", "SUPPORT", "051"),
    ]
    first = events[0]
    assert first["event_date"] == "2023-10-20" and first["text"].startswith("China and Pakistan agreed")
    assert len({e["event_id"] for e in events}) == 4
