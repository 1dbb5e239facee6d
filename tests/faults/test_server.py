"""A PostgreSQL server that goes away mid-ingest (a private server, so the shared one is not
disturbed): stopped as by a crash while documents are being stored, and restarted under a
running ingest. A server that stays down past ``--reconnect-seconds`` ends the ingest with one
clear line; a restart is ridden out (the write, or the linking pass, is retried). Either way the ledger is consistent, and a re-run ends
identical to a clean run on the same server (test_ray_server.py: the same for Ray)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CleanRun, clean_run
from pgserver import PrivateServer
from runner import DOCS, consistent_so_far, error_lines, ingest, kill_and_reap, rerun_completes, start, stored_documents, wait_for

LOST = "the connection to the database server was lost"


@pytest.fixture(scope="module")
def clean_private(private_pg: PrivateServer, docs: Path) -> CleanRun:
    return clean_run(private_pg.create_database("clean"), docs)


def test_server_stopped_mid_ingest(private_pg: PrivateServer, clean_private: CleanRun, docs: Path) -> None:
    url = private_pg.create_database("stopped")
    proc = start(ingest(url, docs, "--reconnect-seconds", "2"))  # retried for 2 s, then one line
    assert wait_for(proc, lambda: stored_documents(url) >= 2), proc.communicate()
    private_pg.stop("immediate")  # as a crash: open transactions are lost, recovery replays the WAL
    try:
        proc.wait(timeout=600)
        ended = kill_and_reap(proc)
    finally:
        private_pg.start()
    assert ended.returncode == 1, ended.stderr
    lines = error_lines(ended.stderr)
    assert len(lines) == 1 and "Traceback" not in ended.stderr, ended.stderr
    assert LOST in lines[0] and "Run the same command again" in lines[0], lines[0]
    consistent_so_far(url)
    rerun_completes(url, docs, clean_private.state)
    print(f"\nserver stopped mid-ingest: {lines[0]}")


def test_server_restarted_mid_ingest(private_pg: PrivateServer, clean_private: CleanRun, docs: Path) -> None:
    url = private_pg.create_database("restarted")
    proc = start(ingest(url, docs))
    assert wait_for(proc, lambda: stored_documents(url) >= 3), proc.communicate()
    private_pg.restart("immediate")
    ended = kill_and_reap(proc) if proc.wait(timeout=600) is not None else None
    assert ended is not None and ended.returncode in (0, 1), ended and ended.stderr
    assert "Traceback" not in ended.stderr, ended.stderr
    if ended.returncode == 1:
        lines = error_lines(ended.stderr)
        assert len(lines) == 1 and LOST in lines[0], ended.stderr
    consistent_so_far(url)
    rerun_completes(url, docs, clean_private.state)
    what = error_lines(ended.stderr)[0] if ended.returncode else "reconnected and finished"
    print(f"\nserver restarted mid-ingest ({len(DOCS)} documents): {what}")
