"""The linker's embedder is an option, never the environment: ``--embedder`` on every command
that links or compares (ingest, demo, link, diff, review add, eval-threads, serve), the
``embedder`` of ``create_app`` and of the library calls; the default is decided in one place
(``link.embed.default_embedder``: blend when the static model is installed, else hashing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from pledgebook.link import make_embedder
from pledgebook.link.embed import EMBEDDERS, default_embedder, embedder_name
from pledgebook.serve.cli import app
from pledgebook.store import open_database
from pledgebook.store.models import EmbeddingRow

TEXT = ("Nairobi, 13 February 2024\n\nKenya and Japan agreed to open the Kisumu fish market by June 2024. "
        "The two sides will launch a joint fund for coastal fisheries.\n")


def _run(*args: str) -> object:
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


def test_the_default_is_decided_in_code(monkeypatch: pytest.MonkeyPatch) -> None:
    for value in ("nonsense", "hashing", "static"):  # the variable the linker once read changes nothing
        monkeypatch.setenv("PLEDGEBOOK_EMBEDDER", value)
        assert make_embedder().family == default_embedder()
        assert embedder_name() == default_embedder()
    assert make_embedder("hashing").family == "hashing" and set(EMBEDDERS) == {"hashing", "static", "blend"}
    with pytest.raises(ValueError, match="unknown embedder 'nonsense' \\(hashing, static or blend\\)"):
        make_embedder("nonsense")


def test_ingest_links_with_the_embedder_it_is_given(tmp_path: Path) -> None:
    (tmp_path / "2024-02-13_kenya-japan.txt").write_text(TEXT, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    out = _run("ingest", tmp_path, "--db", db, "--no-progress", "--embedder", "hashing")
    assert out.exit_code == 0, out.output
    engine = open_database(db)
    try:
        with Session(engine) as session:
            used = set(session.scalars(select(EmbeddingRow.embedder).distinct()))
    finally:
        engine.dispose()
    assert used == {make_embedder("hashing").id}


@pytest.mark.parametrize("command", [
    ("ingest", "{docs}", "--no-progress"), ("demo", "--no-progress"), ("link",), ("serve",),
])
def test_an_embedder_that_cannot_run_is_refused_before_any_work(tmp_path: Path, command: tuple[str, ...]) -> None:
    (tmp_path / "2024-02-13_kenya-japan.txt").write_text(TEXT, encoding="utf-8")
    ledger = tmp_path / "ledger.db"
    args = [a.format(docs=tmp_path) for a in command]
    out = _run(*args, "--db", f"sqlite:///{ledger}", "--embedder", "nonsense")
    assert out.exit_code == 2, out.output
    lines = [line for line in out.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "--embedder" in lines[0] and "unknown embedder 'nonsense'" in lines[0], out.output
    assert not ledger.exists()  # nothing stored, no ledger made
