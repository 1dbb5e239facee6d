"""SIGKILL ``pledgebook ingest`` at random moments, re-run it, and compare the ledger with a
clean run's: same documents, runs, statements and threads, nothing left to link, every
invariant kept. A third of the kills fall at any moment of the run (start-up and migrations
included), a third while a document drawn at random is being stored, a third after the last
document is stored (while linking: the moment that used to leave statements in no thread for
good). The kill moments come from a seeded generator and are printed (`pytest -s`)."""

from __future__ import annotations

import os
import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CleanRun, clean_run
from ledgerstate import consistency_errors, ledger_state
from runner import DOCS, REPO, count_rows, ingest, kill_and_reap, rerun_completes, start, stored_documents, wait_for

from pledgebook.store.engine import make_engine
from pledgebook.store.migrate import current_revision, head_revision

# CI's counts; scripts/kill-campaign.sh runs a longer campaign (more kills, another seed)
CAMPAIGN = int(os.environ.get("PLEDGEBOOK_KILL_CAMPAIGN", "1"))  # a multiplier of the counts
KILLS_SQLITE = 6 * CAMPAIGN
KILLS_POSTGRES = 2 * CAMPAIGN
KILLS_REEXTRACTION = 2 * CAMPAIGN
SEED = int(os.environ.get("PLEDGEBOOK_KILL_SEED", "14"))
MODES = ("anytime", "storing", "linking")


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
    return (f"{len(state.documents)}/{len(DOCS)} stored, {state.runs} runs, {state.unlinked} unlinked runs, "
            f"{threaded} threaded")


def kill_trial(url: str, docs: Path, clean: CleanRun, rng: random.Random, mode: str, *extra: str,
               progress: Callable[[], int] | None = None) -> tuple[bool, str]:
    """Kill one ingest, re-run it, compare with the clean run; (really killed?, a line for the record).
    ``mode``: ``anytime`` (a moment of the clean run's length), ``storing`` (while storing a
    document drawn at random) or ``linking`` (after the last one is stored). ``progress``: how
    many of the documents the ingest has stored (default: documents in the ledger)."""
    stored = progress or (lambda: stored_documents(url))
    proc = start(ingest(url, docs, *extra))
    began = time.monotonic()
    if mode == "linking":
        wait_for(proc, lambda: stored() >= len(DOCS))
        time.sleep(rng.uniform(0, 0.8 * clean.linking))
    elif mode == "storing":
        document = rng.randrange(len(DOCS))
        wait_for(proc, lambda: stored() >= document)
        time.sleep(rng.uniform(0, (clean.seconds - clean.linking) / len(DOCS)))
    else:
        time.sleep(rng.uniform(0, clean.seconds))
    at = time.monotonic() - began
    result = kill_and_reap(proc)
    left = killed_state(url) if result.killed else f"finished first (exit {result.returncode})"
    print(f"  ({mode} kill at {at:.2f}s: {left})")  # shown with the failure if the re-run is not clean
    resumed = "resuming" in rerun_completes(url, docs, clean.state, *extra)
    return result.killed, f"{mode:7} kill at {at:5.2f}s: {left}; re-run {'resumed linking, ' if resumed else ''}identical"


def campaign(urls: list[str], docs: Path, clean: CleanRun, backend: str) -> None:
    rng = random.Random(f"{SEED}-{backend}")
    killed, lines = 0, []
    for i, url in enumerate(urls):
        was_killed, line = kill_trial(url, docs, clean, rng, MODES[i % len(MODES)])
        killed += was_killed
        lines.append(line)
    print(f"\n{backend}: {killed} of {len(urls)} runs killed (clean run {clean.seconds:.1f}s, "
          f"linking {clean.linking:.1f}s), all consistent and identical after a re-run:")
    print("\n".join(f"  {line}" for line in lines))
    assert killed >= len(urls) // 2, lines  # most kills must land before the run ends
    assert backend != "sqlite" or any("linking" in line and "unlinked runs" in line and " 0 unlinked" not in line and
               f"{len(DOCS)}/{len(DOCS)} stored" in line for line in lines), \
        f"no kill landed while linking: {lines}"


def test_random_kills_sqlite(docs: Path, clean_sqlite: CleanRun, tmp_path: Path) -> None:
    campaign([f"sqlite:///{tmp_path / f'kill{i}.db'}" for i in range(KILLS_SQLITE)], docs, clean_sqlite, "sqlite")


@pytest.mark.usefixtures("pg_databases")
def test_random_kills_postgres(docs: Path, clean_postgres: CleanRun, pg_databases) -> None:  # type: ignore[no-untyped-def]
    campaign([pg_databases() for _ in range(KILLS_POSTGRES)], docs, clean_postgres, "postgres")


def test_random_kills_during_a_reextraction(docs: Path, clean_sqlite: CleanRun, tmp_path: Path) -> None:
    """A new codebook re-extracts every document (one transaction each, the old run kept):
    killed midway, the re-run finishes the re-extraction and the linking, as a clean one."""
    codebook = tmp_path / "codebook"
    shutil.copytree(REPO / "pledgebook" / "codebook" / "data", codebook)
    with (codebook / "time.yaml").open("a", encoding="utf-8") as out:
        out.write("\n# a new codebook version (same rules): every document is re-extracted\n")
    base = Path(clean_sqlite.url.removeprefix("sqlite:///"))

    def ledger_from_clean(name: str) -> str:
        for suffix in ("", "-wal"):  # a ledger still in its write-ahead log is copied whole
            if Path(f"{base}{suffix}").exists():
                shutil.copy(f"{base}{suffix}", tmp_path / f"{name}{suffix}")
        return f"sqlite:///{tmp_path / name}"

    def reextracted(url: str) -> Callable[[], int]:
        return lambda: count_rows(url, "SELECT count(*) FROM extraction_runs") - len(DOCS)

    url = ledger_from_clean("clean.db")
    clean = clean_run(url, docs, "--codebook", str(codebook), stored=lambda: reextracted(url)() == len(DOCS))
    assert clean.state.runs == 2 * len(DOCS) and clean.state.statements == clean_sqlite.state.statements
    rng = random.Random(f"{SEED}-reextraction")
    lines, killed = [], 0
    for i in range(KILLS_REEXTRACTION):
        trial = ledger_from_clean(f"kill{i}.db")
        was_killed, line = kill_trial(trial, docs, clean, rng, "linking" if i % 2 else "storing",
                                      "--codebook", str(codebook), progress=reextracted(trial))
        killed += was_killed
        lines.append(line)
    print(f"\nre-extraction: {killed} of {KILLS_REEXTRACTION} runs killed (clean {clean.seconds:.1f}s), "
          "all consistent and identical after a re-run:")
    print("\n".join(f"  {line}" for line in lines))
    assert killed >= KILLS_REEXTRACTION // 2, lines
