"""`pledgebook ingest --engine ray` gives the ledger the single-process path gives: the same
documents, statements, entities and threads, on SQLite and PostgreSQL, with the real extractor
on a local Ray cluster of 2 CPUs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from pledgebook.link import link_new_statements
from pledgebook.scale import plan_ingest
from pledgebook.scale.compare import differences, ledger_fingerprint
from pledgebook.scale.engines import RAY_MISSING
from pledgebook.serve.cli import app
from pledgebook.store import open_database
from pledgebook.store.batch import ingest_paths
from pledgebook.store.models import Document
from test_kill import check_consistent

REPO = Path(__file__).resolve().parent.parent.parent
EXAMPLES = REPO / "pledgebook" / "examples"
# A short readout and a longer joint statement: with two extractors the third file (a copy of
# the readout) comes back before the second, so the driver must put the records back in order.
DOCS = (
    "2021-02-08-readout-of-president-joseph-r-biden-jr-call-with-prime-minister-narendra-modi-of-india.md",
    "2025-07-22-joint-statement-on-framework-for-united-states-indonesia-agreement-on-reciprocal-trade.md",
)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Two documents, a copy of the first under another name, and an empty file, in order."""
    folder = tmp_path_factory.mktemp("in")
    for i, name in enumerate(DOCS):
        shutil.copy(EXAMPLES / name, folder / f"{i}-{name}")
    shutil.copy(EXAMPLES / DOCS[0], folder / "2-copy.md")
    (folder / "3-empty.txt").write_text("")
    return sorted(str(p) for p in folder.iterdir())


@dataclass
class Ingested:
    statuses: dict[str, str]  # file name -> status
    counts: tuple[int, int, int, int]  # new, unchanged, re-extracted, failed
    sources: list[str]  # documents in id order
    fingerprint: dict
    reads: Counter[str]  # file name -> times the file was read


@contextmanager
def counting_reads() -> Iterator[Counter[str]]:
    """How often each file is read (``read_document``, which every ingest reads through)."""
    import pledgebook.read as read

    counts: Counter[str] = Counter()
    real = read.read_document

    def counted(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        counts[Path(path).name] += 1
        return real(path, *args, **kwargs)

    read.read_document = counted
    try:
        yield counts
    finally:
        read.read_document = real


def ingest(engine: Engine, files: list[str], run) -> Ingested:  # type: ignore[no-untyped-def]
    statuses: dict[str, str] = {}
    with counting_reads() as reads:
        summary = run(engine, files, on_file=lambda path, status: statuses.__setitem__(Path(path).name, status))
    link_new_statements(engine)
    return Ingested(statuses, (summary.new, summary.unchanged, summary.reextracted, len(summary.failed)),
                    sources(engine), ledger_fingerprint(engine), reads)


def sources(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return [Path(s).name for s in session.scalars(select(Document.source).order_by(Document.id))]


@pytest.fixture(scope="module")
def single(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    """The ledger of the single-machine path (one process, one transaction per document)."""
    engine = open_database(f"sqlite:///{tmp_path_factory.mktemp('single') / 'ledger.db'}")
    try:
        return ingest(engine, inputs, lambda e, files, on_file: ingest_paths(e, files, on_file=on_file))
    finally:
        engine.dispose()


def test_ray_ingest_gives_the_single_process_ledger(db_url: str, inputs: list[str], single: Ingested,
                                                    ray_cluster: None) -> None:
    assert single.counts == (2, 1, 0, 1)
    assert single.fingerprint["statements"] and single.fingerprint["threads"]
    assert single.reads == {Path(f).name: 1 for f in inputs}  # each file read once: checked and extracted
    plan = plan_ingest("ray", batch=2)  # two ledger transactions for the three extracted files
    engine = open_database(db_url)
    try:
        on_ray = ingest(engine, inputs, plan.ingest)
        assert on_ray.statuses == single.statuses
        assert on_ray.counts == single.counts
        assert on_ray.sources == single.sources  # stored in input order
        assert differences(on_ray.fingerprint, single.fingerprint) == {}
        assert on_ray.fingerprint == single.fingerprint
        assert on_ray.reads == single.reads  # once each: the driver sends the document it checked
        check_consistent(engine)

        again = ingest(engine, inputs, plan.ingest)  # everything stored: nothing is extracted
        assert again.counts == (0, 3, 0, 1)
        assert again.fingerprint == single.fingerprint
    finally:
        engine.dispose()


def test_worker_processes_read_each_file_once_and_store_the_same(inputs: list[str], single: Ingested,
                                                                 tmp_path: Path) -> None:
    """--jobs 2: the documents read (and checked) here go to the worker processes, in order."""
    engine = open_database(f"sqlite:///{tmp_path / 'jobs.db'}")
    try:
        two = ingest(engine, inputs, lambda e, files, on_file: ingest_paths(e, files, jobs=2, on_file=on_file))
    finally:
        engine.dispose()
    assert (two.statuses, two.counts, two.sources, two.reads) == (single.statuses, single.counts, single.sources,
                                                                  single.reads)
    assert two.fingerprint == single.fingerprint


def test_cli_starts_a_local_cluster_and_stores_the_same(inputs: list[str], tmp_path: Path) -> None:
    """The command as a user runs it: its own local cluster, started and shut down (one short
    document and the empty file, to keep it quick), against the single path on the same files."""
    files = [inputs[0], inputs[-1]]
    engine = open_database(f"sqlite:///{tmp_path / 'single.db'}")
    try:
        single = ingest(engine, files, lambda e, fs, on_file: ingest_paths(e, fs, on_file=on_file))
    finally:
        engine.dispose()
    url = f"sqlite:///{tmp_path / 'ray.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "pledgebook", "ingest", *files, "--db", url, "--engine", "ray", "--no-progress"],
        capture_output=True, text=True, timeout=600, env={**os.environ, "COLUMNS": "200"},
    )
    assert result.returncode == 1, result.stderr  # the empty file failed, after the other was stored
    assert "1 new, 0 unchanged, 0 re-extracted, 1 failed" in result.stderr
    assert "3-empty.txt" in result.stderr and "statements linked" in result.stderr
    engine = open_database(url)
    try:
        assert ledger_fingerprint(engine) == single.fingerprint  # linked once, after
    finally:
        engine.dispose()


def test_engine_ray_without_ray_installed_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # as if the extra were not installed
    db = tmp_path / "ledger.db"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES / DOCS[0]), "--db", str(db), "--engine", "ray"])
    assert result.exit_code == 2
    assert result.output.strip() == f"error {RAY_MISSING}"
    assert not db.exists()  # refused before anything was opened


@pytest.mark.parametrize(("args", "message"), [
    (["--address", "127.0.0.1:6379"], "--address names a Ray cluster: use it with --engine ray"),
    (["--engine", "spark"], "'spark' is not one of"),
    (["--batch", "10"], "--batch sets how many documents Ray's driver stores at once: use it with --engine ray"),
])
def test_engine_options_are_checked(args: list[str], message: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES / DOCS[0]), "--db", str(tmp_path / "l.db"), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_an_address_nothing_answers_at_is_one_line(tmp_path: Path) -> None:
    """Ray itself would retry for minutes; the command says so at once (a subprocess, since
    this one may already be connected to the session's cluster)."""
    import socket

    with socket.socket() as sock:  # a loopback port that was free a moment ago: nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = subprocess.run(
        [sys.executable, "-m", "pledgebook", "ingest", str(EXAMPLES / DOCS[0]), "--db", str(tmp_path / "l.db"),
         "--engine", "ray", "--address", f"127.0.0.1:{port}", "--no-progress"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "200"},
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"error could not connect to the Ray cluster at 127.0.0.1:{port}: Connection refused"
