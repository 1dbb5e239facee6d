"""`ingest --engine ray` when the PostgreSQL server goes away (a private server, as in
test_server.py): a restart is ridden out (the driver writes the batch again once the server
answers: no extraction lost), also while linking after the batches (the pass is run again),
and a server that stays down ends the command with one clear line. Either way the ledger is
consistent and a re-run ends identical to a clean run.
In this process, on a local Ray cluster of 2 CPUs, batches of 2 documents."""

from __future__ import annotations

import threading
from pathlib import Path

from conftest import CleanRun, clean_run
from pgserver import PrivateServer
from runner import DOCS, consistent_so_far, error_lines, rerun_completes, stored_documents
from typer.testing import CliRunner

import pytest

from pledgebook.link import link_new_statements, make_embedder
from pledgebook.scale import plan_ingest
from pledgebook.scale.ray_engine import RayOptions, ingest_on_ray
from pledgebook.serve.cli_support import link_after_ingest
from pledgebook.serve.cli import app
from pledgebook.store import open_database
from pledgebook.store.faults import LOST_CONNECTION


@pytest.fixture(scope="module")
def clean_private(private_pg: PrivateServer, docs: Path) -> CleanRun:
    return clean_run(private_pg.create_database("clean"), docs)


def test_a_restart_mid_ingest_is_retried(private_pg: PrivateServer, clean_private: CleanRun, docs: Path,
                                         ray_cluster: None) -> None:
    """The server is stopped (as by a crash) right after the first batch commits, and started
    again 3 s later: the driver's next check or batch meets no server and retries until it answers."""
    url = private_pg.create_database("ray_restarted")
    engine = open_database(url)
    restarted = threading.Timer(3.0, private_pg.start)

    def on_file(path: str, status: str) -> None:
        if status == "new" and not restarted.is_alive() and not restarted.finished.is_set():
            private_pg.stop("immediate")
            restarted.start()

    try:
        summary = ingest_on_ray(engine, sorted(str(p) for p in docs.iterdir()), on_file=on_file,
                                options=RayOptions(batch=2, reconnect_seconds=120))
        restarted.join()
        assert summary.reconnects >= 1, "the server was down: some write or check must have been retried"
        assert (summary.new, summary.unchanged, summary.failed) == (len(DOCS), 0, [])
        link_new_statements(engine)
    finally:
        restarted.join()
        engine.dispose()
    rerun_completes(url, docs, clean_private.state)  # nothing left to do: identical already
    print(f"\nRay ingest, server restarted after the first batch: {summary.reconnects} retries, all stored")


def test_a_server_that_stays_down_is_one_line(private_pg: PrivateServer, clean_private: CleanRun, docs: Path,
                                              ray_cluster: None) -> None:
    url = private_pg.create_database("ray_stopped")
    result = {}
    args = ["ingest", str(docs), "--db", url, "--engine", "ray", "--batch", "2", "--reconnect-seconds", "2",
            "--no-progress"]
    command = threading.Thread(target=lambda: result.setdefault("run", CliRunner().invoke(app, args)))
    command.start()
    try:
        while command.is_alive() and stored_documents(url) < 2:
            command.join(0.05)
        private_pg.stop("immediate")
        command.join(600)
    finally:
        private_pg.start()
    ran = result["run"]
    said = ran.stderr if ran.stderr_bytes is not None else ran.output  # (output holds stderr too)
    assert ran.exit_code == 1 and isinstance(ran.exception, (SystemExit, type(None))), said
    lines = error_lines(said)
    assert len(lines) == 1 and "Traceback" not in said, said
    assert LOST_CONNECTION in lines[0] and "Run the same command again" in lines[0], lines[0]
    assert 2 <= len(consistent_so_far(url).documents) < len(DOCS)
    rerun_completes(url, docs, clean_private.state)
    print(f"\nRay ingest, server stopped for good: {lines[0]}")


class _CrashWhileEmbedding:
    """The default embedder, which stops the server (as by a crash) the first time a linking
    pass embeds: in the middle of the pass's transaction, after its reads."""

    def __init__(self, crash) -> None:  # type: ignore[no-untyped-def]
        self._inner, self._crash, self.crashed = make_embedder(), crash, False
        self.id, self.family, self.dim = self._inner.id, self._inner.family, self._inner.dim

    def embed(self, texts):  # type: ignore[no-untyped-def]
        if not self.crashed:
            self.crashed = True
            self._crash()
        return self._inner.embed(texts)


def test_a_restart_while_linking_is_retried(private_pg: PrivateServer, clean_private: CleanRun, docs: Path,
                                            ray_cluster: None) -> None:
    """Every document stored by the Ray driver, the server stops mid-pass while `ingest` links
    them, and starts again 3 s later: the pass (one transaction, lost whole) is run again with the
    ingest's --reconnect-seconds, as a batch is, and the ledger ends as a clean run's."""
    url = private_pg.create_database("ray_link_restarted")
    engine = open_database(url)
    restarted = threading.Timer(3.0, private_pg.start)

    def crash() -> None:
        private_pg.stop("immediate")
        restarted.start()

    try:
        plan = plan_ingest("ray", batch=2, reconnect_seconds=120)
        summary = ingest_on_ray(engine, sorted(str(p) for p in docs.iterdir()),
                                options=RayOptions(batch=2, reconnect_seconds=120))
        assert (summary.new, summary.reconnects) == (len(DOCS), 0)
        embedder = _CrashWhileEmbedding(crash)
        linked = link_after_ingest(engine, summary, plan=plan, embedder=embedder)  # what `ingest` runs next
        restarted.join()
        assert embedder.crashed and summary.reconnects >= 1, "the server was down: the pass must have been retried"
        assert linked is not None and linked.linked_now > 0
    finally:
        if restarted.is_alive():
            restarted.join()
        engine.dispose()
    assert consistent_so_far(url).documents
    rerun_completes(url, docs, clean_private.state)  # nothing left to do: identical already
    print(f"\nRay ingest, server restarted while linking: {summary.reconnects} retries, all linked")
