"""Safe defaults: a command that only reads never creates a ledger, URLs are taken as users
write them, and an unknown filter value is an error that says what the valid ones are."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from servekit import ENV, invoke

READ_ONLY = [("ledger",), ("threads",), ("thread", "1"), ("dossier", "ML-1"), ("dossiers",),
             ("export", "-f", "jsonl"), ("diff", "a", "b"), ("link",)]


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: c[0])
def test_a_mistyped_db_creates_nothing_and_exits_2(tmp_path: Path, command: tuple[str, ...]) -> None:
    missing = tmp_path / "no-such-folder" / "ledgr.db"
    result = invoke(*command, "--db", missing)
    assert result.exit_code == 2, result.output
    assert f"no ledger at {missing}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1  # one clear line
    assert not missing.parent.exists()  # no folder, no file


def test_a_missing_default_ledger_is_refused_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("ledger", env={k: v for k, v in ENV.items()})
    assert result.exit_code == 2 and "no ledger at" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_is_not_a_ledger_is_refused_and_left_untouched(tmp_path: Path) -> None:
    for name, content in (("empty.db", b""), ("notes.db", b"not a database\n")):
        path = tmp_path / name
        path.write_bytes(content)
        result = invoke("ledger", "--db", path)
        expected = f"no ledger in {path}" if not content else f"cannot open ledger {path}: file is not a database"
        assert result.exit_code == 2 and expected in result.stderr, result.output
        assert path.read_bytes() == content and sorted(p.name for p in tmp_path.iterdir()) <= ["empty.db", "notes.db"]


def test_ingest_still_creates_the_ledger(docs: Path, tmp_path: Path) -> None:
    target = tmp_path / "new" / "ledger.db"
    assert invoke("ingest", docs, "--db", target, "--no-progress", "--no-link").exit_code == 0
    assert target.is_file()
    assert invoke("ledger", "--db", target, "-f", "json").exit_code == 0


@pytest.mark.parametrize("option, value, listed", [
    ("--sector", "defensive", "maritime_security"),  # every id is listed
    ("--kind", "pledge", "commitment, position"),
    ("--actor", "PAKK", "PAK"),  # close codes, and where to find them all
])
def test_an_unknown_filter_value_is_an_error_listing_valid_ids(ledger_url: str, option: str, value: str,
                                                               listed: str) -> None:
    for command in (("ledger",), ("export", "-f", "jsonl")):
        result = invoke(*command, "--db", ledger_url, option, value)
        assert result.exit_code == 2, result.output
        assert value in result.output and listed in " ".join(result.output.replace("│", " ").split())


def test_an_unknown_entity_is_an_error_with_close_names(ledger_url: str) -> None:
    result = invoke("ledger", "--db", ledger_url, "--entity", "Main Lin-1")
    assert result.exit_code == 2 and "ML-1" in result.output


def rows(ledger_url: str, *args: str) -> list[dict]:
    result = invoke("ledger", "--db", ledger_url, "-f", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_aliases_resolve_to_their_ids(ledger_url: str) -> None:
    # defense is an alias of security (codebook sectors.yaml), Pakistan a name of PAK, "Main
    # Line 1" an alias of the gazetteer's ML-1.
    assert rows(ledger_url, "--sector", "defense") == rows(ledger_url, "--sector", "security")
    assert rows(ledger_url, "--actor", "Pakistan") == rows(ledger_url, "--actor", "PAK") != []
    assert rows(ledger_url, "--entity", "Main Line 1") == rows(ledger_url, "--entity", "ML-1") != []


def test_export_takes_the_filters_of_ledger(ledger_url: str) -> None:
    args = ("--entity", "ML-1", "--search", "railway", "--kind", "commitment")
    exported = invoke("export", "--db", ledger_url, "-f", "jsonl", *args)
    assert exported.exit_code == 0, exported.output
    listed = rows(ledger_url, *args)
    assert [json.loads(line) for line in exported.stdout.splitlines()] == listed
    assert listed and all("railway" in r["text"].lower() for r in listed)
    jsonl = invoke("ledger", "--db", ledger_url, "-f", "jsonl", *args).stdout.splitlines()
    assert [json.loads(line) for line in jsonl] == listed


@pytest.mark.parametrize("command, expected", [("sectors", "security"), ("actors", "PAK"), ("kinds", "commitment")])
def test_vocabulary_commands_list_ids_with_labels(command: str, expected: str) -> None:
    table = invoke(command)
    assert table.exit_code == 0 and expected in table.stdout
    entries = json.loads(invoke(command, "-f", "json").stdout)
    found = next(e for e in entries if e["id"] == expected)
    assert found["label"]
    if command == "sectors":
        assert "defense" in found["aliases"]


def _postgres_server() -> str:
    url = os.environ.get("PLEDGEBOOK_TEST_PG_URL")
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("PLEDGEBOOK_TEST_PG_URL is not set", pytrace=False)
        pytest.skip("PLEDGEBOOK_TEST_PG_URL is not set: run `eval \"$(scripts/start-postgres.sh)\"` first")
    return url


@pytest.mark.postgres
def test_postgres_urls_as_users_write_them(docs: Path) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    server = make_url(_postgres_server())
    name = f"pledgebook_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        plain = server.set(database=name).render_as_string(hide_password=False).split("://", 1)[1]
        assert invoke("ingest", docs, "--db", f"postgres://{plain}", "--no-progress", "--no-link").exit_code == 0
        for scheme in ("postgres", "postgresql", "postgresql+psycopg"):
            assert rows(f"{scheme}://{plain}", "--kind", "commitment"), scheme
        with admin.connect() as conn:  # a database without the ledger's tables is no ledger
            conn.exec_driver_sql(f'CREATE DATABASE "{name}_empty"')
        empty = invoke("ledger", "--db", f"postgres://{plain}_empty")
        assert empty.exit_code == 2 and "no ledger in" in empty.stderr, empty.output
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}_empty" WITH (FORCE)')
        admin.dispose()
