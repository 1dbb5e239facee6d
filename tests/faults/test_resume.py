"""What a writer leaves for the next one (store.resume), in process and fast: runs stored
without linking are marked as waiting, the next ingest (even with nothing new) or `link`
threads them, and migration 0008 marks an upgraded ledger's current runs for one re-check."""

from __future__ import annotations

from pathlib import Path

import pytest
from ledgerstate import consistency_errors
from runner import DOCS
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from pledgebook.serve.cli import app
from pledgebook.store import open_database, upgrade_database
from pledgebook.store.engine import make_engine
from pledgebook.store.faults import describe_fault, is_fault
from pledgebook.store.resume import count_unlinked


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


@pytest.fixture
def three(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in DOCS[:3]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_an_ingest_with_nothing_new_finishes_linking(three: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    code, said = cli("ingest", str(three), "--db", db, "--no-progress", "--no-link")
    assert code == 0, said
    assert "3 stored documents wait for linking" in said
    engine = open_database(db)
    try:
        assert count_unlinked(engine) == 3
        assert consistency_errors(engine, settled=False) == []
        code, said = cli("ingest", str(three), "--db", db, "--no-progress")
        assert code == 0, said
        assert "0 new, 3 unchanged" in said and "also linking 3 stored documents that no run has linked yet" in said
        assert count_unlinked(engine) == 0
        assert consistency_errors(engine, settled=True) == []
        code, said = cli("ingest", str(three), "--db", db, "--no-progress")  # nothing waits now: no linking
        assert code == 0 and "threads:" not in said and "resuming" not in said, said
    finally:
        engine.dispose()


def test_link_marks_what_it_linked(three: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    assert cli("ingest", str(three), "--db", db, "--no-progress", "--no-link")[0] == 0
    code, said = cli("link", "--db", db)
    assert code == 0, said
    engine = open_database(db)
    try:
        assert count_unlinked(engine) == 0
        assert consistency_errors(engine, settled=True) == []
    finally:
        engine.dispose()


def test_migration_0008_rechecks_current_runs_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade_database(url, "0006")
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO documents (id, record_id, source, parties, kind, content_hash, chars, text, "
                              "ingested_at) VALUES (1, 'd', 's', '[]', 'other', 'h', 1, 'x', CURRENT_TIMESTAMP)"))
            for run_id, current in ((1, False), (2, True)):
                conn.execute(text("INSERT INTO extraction_runs (id, document_id, extractor_version, codebook_version, "
                                  "record_version, created_at, is_current) VALUES (:i, 1, 'e', 'c', '1', "
                                  "CURRENT_TIMESTAMP, :c)"), {"i": run_id, "c": current})
        upgrade_database(url, "0008")
        with engine.connect() as conn:
            linked = dict(conn.execute(text("SELECT id, linked_at IS NOT NULL FROM extraction_runs")).all())
        assert linked == {1: True, 2: False}
        assert count_unlinked(engine) == 1
        upgrade_database(url, "0006")  # and back
        upgrade_database(url, "0008")
    finally:
        engine.dispose()


def test_faults_are_named(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    open_database(str(path)).dispose()
    read_only = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with pytest.raises(DBAPIError) as caught, read_only.begin() as conn:
            conn.execute(text("DELETE FROM documents"))
    finally:
        read_only.dispose()
    assert is_fault(caught.value)
    assert describe_fault(caught.value).startswith("the ledger is read-only (attempt to write a readonly database")
