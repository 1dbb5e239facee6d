"""SIGKILL an ingest in the middle of a document's transaction, re-run it, and check the
ledger is consistent and complete on both back ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import Engine, text

from pledgebook.store import open_database

HERE = Path(__file__).parent
REPO = HERE.parent.parent
N = 4


def run_helper(url: str, pause: float) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(HERE)])}
    return subprocess.Popen(
        [sys.executable, str(HERE / "slow_ingest.py"), url, str(N), str(pause)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def table_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("documents", "extraction_runs", "statements", "statement_actors", "statement_sectors")
        }


def check_consistent(engine: Engine) -> None:
    with engine.connect() as conn:
        # every document has exactly one current run, and every statement belongs to its document's run
        assert conn.execute(text(
            "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM extraction_runs r "
            "WHERE r.document_id = d.id AND r.is_current) <> 1")).scalar_one() == 0
        assert conn.execute(text(
            "SELECT count(*) FROM statements s JOIN extraction_runs r ON r.id = s.run_id "
            "WHERE r.document_id <> s.document_id")).scalar_one() == 0
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            fts = conn.execute(text("SELECT count(*) FROM statements_fts")).scalar_one()
            assert fts == conn.execute(text("SELECT count(*) FROM statements")).scalar_one()


def test_killed_ingest_leaves_no_half_document_and_rerun_completes(db_url: str) -> None:
    open_database(db_url).dispose()  # migrate first, so the kill lands in ingest, not DDL
    proc = run_helper(db_url, pause=30)
    try:
        assert proc.stdout is not None
        lines = []
        for line in proc.stdout:
            lines.append(line.strip())
            if line.strip() == "inside 1":  # document 0 committed, document 1 half-written
                break
        assert lines == ["inside 0", "new 0", "inside 1"], (lines, proc.stderr.read() if proc.stderr else "")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    engine = open_database(db_url)
    try:
        assert table_counts(engine) == {"documents": 1, "extraction_runs": 1, "statements": 2,
                                        "statement_actors": 4, "statement_sectors": 1}
        check_consistent(engine)

        rerun = run_helper(db_url, pause=0)
        out, err = rerun.communicate(timeout=120)
        assert rerun.returncode == 0, err
        assert [line for line in out.splitlines() if not line.startswith("inside")] == [
            "unchanged 0", "new 1", "new 2", "new 3"]
        assert table_counts(engine) == {"documents": N, "extraction_runs": N, "statements": 2 * N,
                                        "statement_actors": 4 * N, "statement_sectors": N}
        check_consistent(engine)
    finally:
        engine.dispose()
