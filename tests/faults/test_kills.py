"""SIGKILL ``pledgebook ingest`` at random moments, re-run it, and compare the ledger with a
clean run's: same documents, runs, statements and threads, nothing left to link, every
invariant kept. Half the kills fall anywhere in the run; the other half after the last
document is stored (while linking: the moment that used to leave statements in no thread
for good). The kill moments come from a seeded generator and are printed (`pytest -s`)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from conftest import CleanRun
from ledgerstate import consistency_errors, ledger_state
from runner import DOCS, ingest, kill_and_reap, run, start, stored_documents, wait_for

from pledgebook.store import open_database
from pledgebook.store.engine import make_engine
from pledgebook.store.migrate import current_revision, head_revision

KILLS_SQLITE = 10
KILLS_POSTGRES = 4
SEED = 14


def killed_state(url: str) -> str:
    """What the kill left, in words, after checking its invariants."""
    engine = make_engine(url)
    try:
        revision = current_revision(engine)
        if revision != head_revision():
            return f"killed while creating the ledger (at migration {revision})"
        errors = consistency_errors(engine, settled=False)
        assert errors == [], errors
        state = ledger_state(engine)
    finally:
        engine.dispose()
    threaded = sum(len(t) for t in state.threads)
    return f"{len(state.documents)}/{len(DOCS)} stored, {state.unlinked} unlinked runs, {threaded} threaded"


def kill_trial(url: str, docs: Path, clean: CleanRun, rng: random.Random, mode: str) -> tuple[bool, str]:
    """Kill one ingest, re-run it, compare with the clean run; (really killed?, a line for the record)."""
    proc = start(ingest(url, docs))
    began = time.monotonic()
    if mode == "linking":
        wait_for(proc, lambda: stored_documents(url) == len(DOCS))
        time.sleep(rng.uniform(0, 0.8 * clean.linking))
    else:
        time.sleep(rng.uniform(0, clean.seconds))
    at = time.monotonic() - began
    result = kill_and_reap(proc)
    left = killed_state(url) if result.killed else f"finished first (exit {result.returncode})"
    rerun = run(ingest(url, docs))
    assert rerun.returncode == 0, rerun.stderr
    engine = open_database(url)
    try:
        assert consistency_errors(engine, settled=True) == []
        differences = ledger_state(engine).differences(clean.state)
    finally:
        engine.dispose()
    assert differences == [], (mode, at, left, differences)
    resumed = "resuming" in rerun.stderr
    return result.killed, f"{mode:8} kill at {at:5.2f}s: {left}; re-run {'resumed linking, ' if resumed else ''}identical"


def campaign(urls: list[str], docs: Path, clean: CleanRun, backend: str) -> None:
    rng = random.Random(f"{SEED}-{backend}")
    killed, lines = 0, []
    for i, url in enumerate(urls):
        was_killed, line = kill_trial(url, docs, clean, rng, "linking" if i % 2 else "anytime")
        killed += was_killed
        lines.append(line)
    print(f"\n{backend}: {killed} of {len(urls)} runs killed (clean run {clean.seconds:.1f}s, "
          f"linking {clean.linking:.1f}s), all consistent and identical after a re-run:")
    print("\n".join(f"  {line}" for line in lines))
    assert killed >= len(urls) // 2, lines  # most kills must land before the run ends
    assert any("linking" in line and "unlinked runs" in line and " 0 unlinked" not in line and
               f"{len(DOCS)}/{len(DOCS)} stored" in line for line in lines), \
        f"no kill landed while linking: {lines}"


def test_random_kills_sqlite(docs: Path, clean_sqlite: CleanRun, tmp_path: Path) -> None:
    campaign([f"sqlite:///{tmp_path / f'kill{i}.db'}" for i in range(KILLS_SQLITE)], docs, clean_sqlite, "sqlite")


@pytest.mark.usefixtures("pg_databases")
def test_random_kills_postgres(docs: Path, clean_postgres: CleanRun, pg_databases) -> None:  # type: ignore[no-untyped-def]
    campaign([pg_databases() for _ in range(KILLS_POSTGRES)], docs, clean_postgres, "postgres")
