"""Every format each command offers (as its ``--help`` lists it) gives parseable output, and a
statement has the same columns, and the same values, in ``extract``, ``ledger`` and ``export``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer.main
import yaml
from servekit import DOCS, invoke

from pledgebook.serve.cli import app
from pledgebook.serve.commands.report import REPORT_ROWS
from pledgebook.serve.rows import DOSSIERS, EVENTS, STATEMENTS, THREADS

# The arguments that make each command print something (the test ledger, the test documents).
ARGS = {
    "extract": lambda env: [env["docs"], "--no-progress"],
    "ledger": lambda env: ["--db", env["url"]],
    "export": lambda env: ["--db", env["url"]],
    "threads": lambda env: ["--db", env["url"], "--min-docs", "1"],
    "thread": lambda env: ["1", "--db", env["url"]],
    "link": lambda env: ["--db", env["url"], "--embedder", "hashing"],
    "diff": lambda env: ["1", "2", "--db", env["url"], "--embedder", "hashing"],
    "eval": lambda env: [env["gold"]],
    "eval-threads": lambda env: [],
    "bench": lambda env: ["--what", "link", "--link-statements", "300"],
    "rules": lambda env: [],
    "dossier": lambda env: ["ML-1", "--db", env["url"]],
    "dossiers": lambda env: ["--db", env["url"]],
    "suggestions": lambda env: ["--db", env["url"]],
    "sectors": lambda env: [],
    "actors": lambda env: [],
    "kinds": lambda env: [],
    "report": lambda env: ["--db", env["url"]],
}
# The columns of each command's rows in csv and parquet.
ROWS = {"extract": STATEMENTS, "ledger": STATEMENTS, "export": STATEMENTS, "threads": THREADS, "dossiers": DOSSIERS,
        "report": REPORT_ROWS}


def offered_formats() -> dict[str, list[str]]:
    """Each command's --format choices, as its help shows them."""
    group = typer.main.get_command(app)
    out = {}
    for name, command in group.commands.items():
        for param in command.params:
            if "--format" in getattr(param, "opts", []):
                out[name] = param.metavar.strip("[]").split("|")
    return out


CASES = [(command, fmt) for command, formats in sorted(offered_formats().items()) for fmt in formats]


def test_every_command_with_a_format_is_covered():
    assert set(offered_formats()) == set(ARGS)
    assert offered_formats()["export"] == ["csv", "jsonl", "json", "parquet", "events"]


@pytest.fixture(scope="module")
def env(docs: Path, ledger_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict:
    gold = tmp_path_factory.mktemp("gold")
    (gold / "texts").mkdir()
    name = "2024-03-05_gwadar.txt"
    (gold / "texts" / name).write_text(DOCS[name], encoding="utf-8")
    (gold / "gwadar.yaml").write_text(yaml.safe_dump({
        "document": f"texts/{name}", "genre": "bilateral_joint_statement",
        "statements": [{"anchor": "agreed to accelerate the development of Gwadar Port", "kind": "commitment",
                        "actors": ["CHN", "PAK"], "strength": "firm"}],
    }), encoding="utf-8")
    return {"docs": docs, "url": ledger_url, "gold": gold, "out": tmp_path_factory.mktemp("out")}


@pytest.mark.parametrize(("command", "fmt"), CASES, ids=[f"{c}-{f}" for c, f in CASES])
def test_format_gives_parseable_output(env: dict, command: str, fmt: str) -> None:
    args = [command, *ARGS[command](env), "--format", fmt]
    target = env["out"] / f"{command}.{fmt}"
    if fmt == "parquet":
        args += ["--output", target]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    if fmt == "parquet":
        assert pq.read_table(target).schema.names == ROWS[command].names
        assert pq.read_table(target).num_rows > 0
        return
    out = result.stdout
    assert out.strip()
    if fmt == "json":
        json.loads(out)
    elif fmt in ("jsonl", "events"):
        lines = [json.loads(line) for line in out.splitlines()]
        assert lines
        if fmt == "events":
            assert all(list(e) == EVENTS.names for e in lines)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == ROWS[command].names and len(rows) > 1
        assert all(len(r) == len(rows[0]) for r in rows)


def test_a_format_the_command_does_not_offer_is_refused(env: dict) -> None:
    result = invoke("bench", "--format", "csv")
    assert result.exit_code == 2
    assert "'csv' is not one of table, json" in result.output
    result = invoke("export", "--db", env["url"], "--format", "parquet")
    assert result.exit_code == 2 and "parquet needs --output FILE" in result.output


def _csv(*args) -> dict[str, dict]:
    result = invoke(*args, "--format", "csv")
    assert result.exit_code == 0, result.output
    return {row["statement_id"]: row for row in csv.DictReader(io.StringIO(result.stdout))}


def test_a_statement_has_the_same_row_in_extract_ledger_and_export(env: dict) -> None:
    from_extract = _csv("extract", *[env["docs"] / name for name in DOCS], "--no-progress")
    from_ledger = _csv("ledger", "--db", env["url"])
    from_export = _csv("export", "--db", env["url"])
    assert from_extract.keys() == from_ledger.keys() == from_export.keys()
    assert any(row["rule"] for row in from_extract.values())
    for sid, row in from_extract.items():
        assert from_ledger[sid] == row  # provenance (rule, trigger, actor source) included
        assert from_export[sid] == from_ledger[sid]


def test_json_of_one_document_is_an_object_and_of_several_an_array(env: dict) -> None:
    one = json.loads(invoke("extract", env["docs"] / "2023-10-20_cpec.txt", "-f", "json").stdout)
    assert isinstance(one, dict) and one["statements"]
    several = json.loads(invoke("extract", env["docs"], "--no-progress", "-f", "json").stdout)
    assert [r["document"]["source"] for r in several] == [str(env["docs"] / name) for name in sorted(DOCS)]
