import json

import jsonschema
import pytest
from typer.testing import CliRunner

from pledgebook.serve.cli import app
from pledgebook.serve.rows import STATEMENTS
from tests.conftest import EXAMPLES

SEED = EXAMPLES / "2023-10-20_china-pakistan-joint-statement.txt"
runner = CliRunner()


def test_help_lists_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "extract" in result.output and "schema" in result.output


def test_json_record_validates_against_schema():
    schema = json.loads(runner.invoke(app, ["schema"]).output)
    result = runner.invoke(app, ["extract", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    jsonschema.validate(record, schema)
    text = SEED.read_text(encoding="utf-8")
    for st in record["statements"]:
        assert text[st["start"] : st["end"]] == st["text"]


def test_every_statement_names_a_rule_that_pledgebook_rules_lists():
    """The schema requires `rule` and allows only the registry's ids; every one is listed."""
    schema = json.loads(runner.invoke(app, ["schema"]).output)
    rule = schema["$defs"]["Statement"]["properties"]["rule"]
    assert "rule" in schema["$defs"]["Statement"]["required"]
    listed = {r["id"] for r in json.loads(runner.invoke(app, ["rules", "--format", "json"]).stdout)}
    assert set(rule["enum"]) == listed
    record = json.loads(runner.invoke(app, ["extract", str(SEED), "--format", "json"]).stdout)
    record["statements"][0]["rule"] = "no_such_rule"
    with pytest.raises(jsonschema.ValidationError, match="no_such_rule"):
        jsonschema.validate(record, schema)


def test_jsonl_sets_source_to_the_path_given(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("China and Pakistan agreed to build a new road.", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("The two sides pledged to expand trade.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl", "--no-progress"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document"]["source"] for r in lines] == [str(a), str(b)]
    assert all(r["statements"][0]["kind"] == "commitment" for r in lines)


def test_bad_file_is_reported_and_others_still_processed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "good.txt").write_text("Japan and India agreed to hold annual summits.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "csv", "--no-progress"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "blob.txt" in result.stderr
    assert "agreed to hold annual summits" in result.stdout
    header = result.stdout.splitlines()[0]
    assert header.split(",") == STATEMENTS.names  # the statement columns of ledger and export too


def test_missing_path_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr


def test_table_output_is_readable():
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0
    assert "commitment" in result.stdout and "CHN" in result.stdout


@pytest.mark.parametrize(("columns", "header_lines"), [(80, 2), (160, 1)])
def test_the_document_header_breaks_between_fields_at_80_columns(tmp_path, columns, header_lines):
    doc = tmp_path / "2024-03-25_readout-of-the-president-meeting-with-the-president-of-guatemala.txt"
    doc.write_text("The United States and Guatemala agreed to hold a migration dialogue in May.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(doc), "--no-progress"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("  date "))  # (after the title)
    header = lines[first : first + header_lines]
    assert header[0].startswith("  date 2024-03-25 · place ")
    assert header[-1].endswith("agreements signed ?")
    assert all(len(line) <= columns for line in header)


def test_run_on_text_without_sentences_gives_a_clean_result(tmp_path):
    blob = tmp_path / "dump.txt"
    blob.write_text(("agreed to build " + "x" * 50 + " ") * 20000, encoding="utf-8")  # ~1.3 MB, no full stop
    result = runner.invoke(app, ["extract", str(blob), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["statements"] == []


def test_hostile_markup_is_just_text(tmp_path):
    page = tmp_path / "x.html"
    page.write_text("<html><body><p>The two sides agreed to <script>alert(1)</script>open a consulate "
                    "in Lahore.</p></body></html>", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(page), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert all("<script>" not in s["text"] for s in record["statements"])


def test_the_ner_flag_reaches_worker_processes_without_the_environment(tmp_path):
    import os

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("India will work with Tata Motors on chips.", encoding="utf-8")
    environ = dict(os.environ)
    names = {}
    for flag in ("--ner", "--no-ner"):
        result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl", "--no-progress", "--jobs", "2", flag])
        assert result.exit_code == 0, result.output
        records = [json.loads(line) for line in result.stdout.splitlines()]
        names[flag] = [[e["name"] for s in r["statements"] for e in s["entities"]] for r in records]
    assert names == {"--ner": [["Tata Motors"]] * 2, "--no-ner": [[]] * 2}
    assert dict(os.environ) == environ  # the switch is an argument, not a process-wide setting
