"""Run ``python -m pledgebook`` as a real child process against a ledger, and watch or kill it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ledgerstate import LedgerState, consistency_errors, ledger_state
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

REPO = Path(__file__).resolve().parents[2]
# The ken-chn news reports of the thread gold (not a blind set): ten short texts that repeat
# pledges across years, so linking makes threads that span documents.
DOCS = sorted((REPO / "gold" / "news" / "texts").glob("*_ken-chn_*.md"))


def child_env() -> dict[str, str]:
    """This checkout first on the path; no ledger chosen by the environment (every call says --db)."""
    env = {k: v for k, v in os.environ.items() if k != "PLEDGEBOOK_DB"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return env


def pledgebook(*args: str) -> list[str]:
    return [sys.executable, "-m", "pledgebook", *args]


def ingest(db: str, docs: Path, *extra: str) -> list[str]:
    return pledgebook("ingest", str(docs), "--db", db, "--no-progress", *extra)


def run(args: Sequence[str], *, timeout: float = 600, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(list(args), capture_output=True, text=True, env=child_env(), timeout=timeout, **kwargs)


def start(args: Sequence[str], **kwargs) -> subprocess.Popen[str]:  # type: ignore[no-untyped-def]
    return subprocess.Popen(list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=child_env(), **kwargs)


def stored_documents(url: str) -> int:
    """Committed documents in the ledger at ``url``; 0 while it has no tables. Never creates
    or migrates anything (the child does that)."""
    return count_rows(url, "SELECT count(*) FROM documents")


def count_rows(url: str, sql: str) -> int:
    """``sql``'s count in the ledger at ``url``, read-only; 0 while it has no tables."""
    parsed = make_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            if not Path(parsed.database).exists():
                return 0
            with sqlite3.connect(f"file:{parsed.database}?mode=ro", uri=True, timeout=5) as conn:
                return conn.execute(sql).fetchone()[0]
        engine = create_engine(url, poolclass=NullPool)
        try:
            with engine.connect() as conn:
                return conn.execute(text(sql)).scalar_one()
        finally:
            engine.dispose()
    except Exception:  # no table yet, database being created: nothing stored
        return 0


def wait_for(proc: subprocess.Popen[str], done: Callable[[], bool], *, timeout: float = 600) -> bool:
    """Poll ``done`` until it holds (True) or the process ends first (False)."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if done():
            return True
        time.sleep(0.02)
    return False


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str

    @property
    def killed(self) -> bool:
        return self.returncode == -signal.SIGKILL


def kill_and_reap(proc: subprocess.Popen[str]) -> Finished:
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=120)
    return Finished(proc.returncode, out, err)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error")]


def state_of(url: str) -> LedgerState:
    """The ledger at ``url`` as ``ledgerstate`` compares ledgers."""
    from pledgebook.store import open_database

    engine = open_database(url)
    try:
        return ledger_state(engine)
    finally:
        engine.dispose()


def consistent_so_far(url: str) -> LedgerState:
    """What an interrupted writer left at ``url``, after checking every invariant a ledger keeps
    whatever moment its writer stopped at (work may wait for the next run: linking)."""
    from pledgebook.store import open_database

    engine = open_database(url)
    try:
        errors = consistency_errors(engine, settled=False)
        assert errors == [], errors
        return ledger_state(engine)
    finally:
        engine.dispose()


def rerun_completes(url: str, docs: Path, clean: LedgerState, *extra: str) -> str:
    """Run the ingest again: it must succeed and leave the ledger settled and identical to
    ``clean`` (a clean run's). Its stderr, for the record."""
    from pledgebook.store import open_database

    rerun = run(ingest(url, docs, *extra))
    assert rerun.returncode == 0, rerun.stderr
    engine = open_database(url)
    try:
        errors = consistency_errors(engine, settled=True)
        assert errors == [], errors
        differences = ledger_state(engine).differences(clean)
        assert differences == [], differences
    finally:
        engine.dispose()
    return rerun.stderr
