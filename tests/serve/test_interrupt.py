"""Ctrl-C during `ingest` says what was stored and that a re-run continues; the re-run does."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO

N = 60


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def ingest(folder: Path, db: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "pledgebook", "ingest", str(folder), "--db", str(db), "--no-progress",
                             "--embedder", "hashing"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_ctrl_c_reports_what_was_stored_and_a_rerun_continues(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(N):
        (folder / f"2024-01-{i % 28 + 1:02d}_note-{i}.txt").write_text(
            f"Nairobi, 5 March 2024\n\nKenya and Japan agreed to build {i + 2} new clinics in district {i}. "
            f"Japan pledged to fund {i + 3} water projects by 2027. The two sides discussed trade.\n" * 3,
            encoding="utf-8")
    db = tmp_path / "ledger.db"
    proc = ingest(folder, db)
    deadline = time.monotonic() + 120
    while stored(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    first = stored(db)
    if proc.returncode == 0:  # finished before the signal: nothing to check on this machine
        assert first == N
        return
    assert proc.returncode == 130, err
    assert "interrupted" in err and f"of {N} files done" in err and "Run the same command again" in err, err
    assert "Traceback" not in err
    assert 0 < first < N
    again = ingest(folder, db)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"{N - first} new, {first} unchanged" in err, err
    assert stored(db) == N
