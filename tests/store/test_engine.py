from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pledgebook.store.engine import resolve_db_url

HERE = Path(__file__).parent


def test_bare_path_means_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLEDGEBOOK_DB", raising=False)
    assert resolve_db_url() == f"sqlite:///{tmp_path / 'pledgebook.db'}"
    assert resolve_db_url("sub/ledger.db") == f"sqlite:///{tmp_path / 'sub' / 'ledger.db'}"
    monkeypatch.setenv("PLEDGEBOOK_DB", "env.db")
    assert resolve_db_url() == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_db_url("explicit.db") == f"sqlite:///{tmp_path / 'explicit.db'}"  # --db wins


def test_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLEDGEBOOK_DB", "postgresql://u:p@db.example:5432/ledger")
    assert resolve_db_url() == "postgresql+psycopg://u:p@db.example:5432/ledger"  # the driver we ship
    assert resolve_db_url("sqlite:////srv/l.db") == "sqlite:////srv/l.db"
    with pytest.raises(ValueError, match="unsupported"):
        resolve_db_url("mysql://u@h/db")


def test_postgres_cases_fail_in_ci_without_a_server() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PLEDGEBOOK_TEST_PG_URL"}
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
            str(HERE / "test_migrations.py"), "-k", "test_upgrade_creates_schema_and_version_row"]
    ci = subprocess.run(args, env={**env, "CI": "true"}, capture_output=True, text=True, cwd=HERE.parent.parent)
    assert ci.returncode == 1 and "1 passed" in ci.stdout and "1 error" in ci.stdout, ci.stdout
    assert "PLEDGEBOOK_TEST_PG_URL is not set" in ci.stdout
    local = subprocess.run(args, env={**env, "CI": "false"}, capture_output=True, text=True, cwd=HERE.parent.parent)
    assert local.returncode == 0 and "1 passed" in local.stdout and "1 skipped" in local.stdout, local.stdout


@pytest.mark.parametrize(
    "db, reason",
    [
        ("postgresql+psycopg://nobody:secret@127.0.0.1:1/ledger", "cannot open ledger postgresql+psycopg://nobody:***@"),
        ("NOT_A_DB", "file is not a database"),
        ("oracle://u@h/db", "unsupported database"),
    ],
)
def test_unusable_ledger_is_a_one_line_error(db: str, reason: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pledgebook.serve.cli import app

    if db == "NOT_A_DB":
        db = str(tmp_path / "notes.txt")
        Path(db).write_text("these are not the tables you are looking for\n" * 100)
    result = CliRunner().invoke(app, ["ledger", "--db", db])
    assert result.exit_code == 2
    assert reason in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
