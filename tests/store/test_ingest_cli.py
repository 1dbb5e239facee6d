"""`pledgebook ingest` end to end, with the real extractor, on the bundled example documents."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

import pledgebook.store.batch as batch
from pledgebook.serve.cli import app
from pledgebook.store import open_database
from test_kill import check_consistent

REPO = Path(__file__).resolve().parent.parent.parent
EXAMPLES = REPO / "pledgebook" / "examples"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """The example documents, one of them twice under another name, and one unreadable file."""
    folder = tmp_path / "in"
    folder.mkdir()
    docs = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md") and p.name != "SOURCES.md")
    assert len(docs) >= 4
    for doc in docs:
        shutil.copy(doc, folder / doc.name)
    shutil.copy(docs[0], folder / f"copy-of-{docs[0].name}")
    (folder / "empty.txt").write_text("")
    return folder


def n_documents(url: str) -> int:
    engine = open_database(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
    finally:
        engine.dispose()


def ingest(url: str, folder: Path, *extra: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["ingest", str(folder), "--db", url, "--no-progress", *extra])


def test_ingest_twice_stores_each_text_once(db_url: str, inputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = len(list(inputs.iterdir())) - 2  # minus the duplicate and the empty file
    first = ingest(db_url, inputs)
    assert first.exit_code == 1  # the empty file failed, after the others were stored
    assert f"{texts} new, 1 unchanged, 0 re-extracted, 1 failed" in first.output
    assert "empty.txt" in first.output
    assert n_documents(db_url) == texts

    second = ingest(db_url, inputs, "--jobs", "2")
    assert f"0 new, {texts + 1} unchanged, 0 re-extracted, 1 failed" in second.output

    monkeypatch.setattr(batch, "current_versions", lambda codebook=None: ("extractor-next", "codebook-next"))
    (inputs / "empty.txt").unlink()
    third = ingest(db_url, inputs)
    assert third.exit_code == 0, third.output
    assert f"0 new, 1 unchanged, {texts} re-extracted, 0 failed" in third.output
    engine = open_database(db_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM extraction_runs")).scalar_one() == 2 * texts
        check_consistent(engine)
    finally:
        engine.dispose()


def test_killed_cli_ingest_resumes_to_a_complete_ledger(db_url: str, inputs: Path) -> None:
    (inputs / "empty.txt").unlink()
    texts = len(list(inputs.iterdir())) - 1
    open_database(db_url).dispose()
    cmd = [sys.executable, "-m", "pledgebook", "ingest", str(inputs), "--db", db_url, "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while n_documents(db_url) == 0:  # kill right after the first document commits
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    stored = n_documents(db_url)
    assert 1 <= stored < texts

    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{texts - stored} new, {stored + 1} unchanged, 0 re-extracted, 0 failed" in rerun.stderr
    engine = open_database(db_url)
    try:
        check_consistent(engine)
        assert n_documents(db_url) == texts
    finally:
        engine.dispose()
