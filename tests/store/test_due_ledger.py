"""Due dates in the ledger: stored by ingest (migration 0005), `ledger --due` and `--overdue`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pledgebook.serve.cli import app

ENV = {"COLUMNS": "200"}
TEXT = (
    "Washington, 13 February 2025\n\n"
    "The United States and India agreed to conclude a trade agreement by fall of 2025. "
    "The two sides will launch a joint research fund within the next six months. "
    "The leaders committed to double bilateral trade by 2030. "
    "The two countries will finalize the space framework before the next summit.\n"
)


def _ledger(db: str, *args: str) -> list[dict]:
    out = CliRunner().invoke(app, ["ledger", "--db", db, "-f", "json", *args], env=ENV)
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def test_due_filters(tmp_path) -> None:
    (tmp_path / "2025-02-13_trade.txt").write_text(TEXT, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    out = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", db, "--no-progress", "--embedder", "hashing"], env=ENV)
    assert out.exit_code == 0, out.output
    rows = _ledger(db)
    dues = {(r["due"], r["due_precision"], r["due_event"]) for r in rows}
    assert {("2025-11-30", "season", None), ("2025-08-13", "month", None), ("2030-12-31", "year", None),
            (None, "event", "the next summit")} <= dues
    assert sorted(r["due"] for r in _ledger(db, "--due", "2025")) == ["2025-08-13", "2025-11-30"]
    assert [r["due"] for r in _ledger(db, "--due", "2025-11")] == ["2025-11-30"]
    # today is after 2025: the two due in 2025 are overdue (no status tracking yet), 2030 and the event are not
    assert sorted(r["due"] for r in _ledger(db, "--overdue")) == ["2025-08-13", "2025-11-30"]
    bad = CliRunner().invoke(app, ["ledger", "--db", db, "--due", "soon"], env=ENV)
    assert bad.exit_code != 0


def test_due_column_in_the_table(tmp_path) -> None:
    (tmp_path / "2025-02-13_trade.txt").write_text(TEXT, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", db, "--no-progress", "--embedder", "hashing"], env=ENV)
    out = CliRunner().invoke(app, ["ledger", "--db", db, "--due", "2030"], env=ENV)
    assert out.exit_code == 0 and "due" in out.stdout and "2030-12-31" in out.stdout
