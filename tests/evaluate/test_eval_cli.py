"""``pledgebook eval`` on a tiny gold dir: output formats, details and exit codes."""

from __future__ import annotations

import json

import pytest
from evalkit import make_record, write_gold
from typer.testing import CliRunner

from pledgebook.serve.cli import app

TEXT = (
    "Islamabad, 5 March: Pakistan and China agreed to accelerate the development of Gwadar Port. "
    "Both sides reaffirmed support for the One-China principle. "
    "The two sides signed 20 agreements and MoUs.\n"
)
GOLD = [
    {"anchor": "agreed to accelerate the development of Gwadar Port", "kind": "commitment",
     "actors": ["CHN", "PAK"], "strength": "firm", "sectors": ["ports"], "entities": ["Gwadar Port"]},
    {"anchor": "reaffirmed support for the One-China principle", "kind": "position"},
    {"anchor": "signed 20 agreements and MoUs", "kind": "agreement"},
]


@pytest.fixture
def hand_made_extraction(monkeypatch):
    """The command's extraction step replaced by a fixed record: one TP, one FP."""
    record = make_record(TEXT, [
        {"quote": "agreed to accelerate the development of Gwadar Port", "kind": "commitment",
         "sectors": ["ports"], "entities": [("Gwadar Port", "Gwadar Port")]},
        {"quote": "Islamabad, 5 March", "kind": "commitment"},
    ], date="2024-03-05", parties=["CHN", "PAK"])
    calls = []

    def extract_gold(docs, jobs=1, *, ner=True, codebook=None):
        calls.append({"jobs": jobs, "ner": ner})
        return [record for _ in docs]

    monkeypatch.setattr("pledgebook.evaluate.run.extract_gold", extract_gold)
    return calls


def _run(*args: str):
    # a wide terminal: these tests read cells of the table, not its layout at the ambient width
    return CliRunner().invoke(app, ["eval", *args], env={"COLUMNS": "200"})


def test_json_has_the_numbers_and_details(tmp_path, hand_made_extraction):
    write_gold(tmp_path, TEXT, GOLD, metadata={"date": "2024-03-05", "parties": ["PAK", "CHN"]})
    result = _run(str(tmp_path), "--format", "json", "--details")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    overall = data["overall"]
    assert (overall["counts"]["tp"], overall["counts"]["fp"], overall["counts"]["fn"]) == (1, 1, 0)
    assert overall["metrics"]["precision"] == 0.5 and overall["metrics"]["entity_recall"] == 1.0
    assert data["metadata_accuracy"]["date"]["accuracy"] == 1.0
    details = data["documents"][0]["details"]
    assert {"category": "fp", "start": 0, "end": 18, "text": "Islamabad, 5 March",
            "reason": "covers no gold statement"} in details


def test_table_shows_rows_and_with_details_the_false_positive_text(tmp_path, hand_made_extraction):
    write_gold(tmp_path, TEXT, GOLD, name="gwadar.txt")
    result = _run(str(tmp_path), "--details")
    assert result.exit_code == 0, result.output
    assert "gwadar" in result.stdout and "overall (1 docs)" in result.stdout
    assert "Islamabad, 5 March" in result.stdout and "undetected" in result.stdout
    assert "Islamabad, 5 March" not in _run(str(tmp_path)).stdout


def test_low_scores_still_exit_zero(tmp_path, monkeypatch):
    monkeypatch.setattr("pledgebook.evaluate.run.extract_gold", lambda docs, jobs=1, **_: [make_record(TEXT, [])])
    write_gold(tmp_path, TEXT, GOLD)
    result = _run(str(tmp_path), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["below_threshold"] == ["doc"]


def test_gold_errors_exit_2_after_scoring_the_rest(tmp_path, hand_made_extraction):
    write_gold(tmp_path, TEXT, [*GOLD, {"anchor": "agreed to build a dam", "kind": "commitment"}])
    (tmp_path / "broken.yaml").write_text("genre: other\n", encoding="utf-8")
    result = _run(str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    assert "anchor not found" in result.stderr and "broken.yaml" in result.stderr
    data = json.loads(result.stdout)
    assert data["overall"]["counts"]["tp"] == 1 and len(data["gold_errors"]) == 2


def test_missing_or_empty_gold_dir_exits_2(tmp_path):
    assert _run(str(tmp_path / "nowhere")).exit_code == 2
    result = _run(str(tmp_path))
    assert result.exit_code == 2 and "no gold files" in result.stderr


def test_end_to_end_with_the_extractor(tmp_path):
    """Real extraction of a Markdown file: the record's offsets agree with the gold's."""
    text = "---\ntitle: Joint statement\ndate: 2024-03-05\n---\n" + TEXT
    write_gold(tmp_path, text, GOLD, name="js.md")
    result = _run(str(tmp_path), "--format", "json", "--details")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["overall"]["counts"]["tp"] == 1, data["documents"][0]["details"]


def test_by_rule_gives_each_rules_precision_in_json_and_table(tmp_path):
    """Real extraction: the agreement to accelerate is a commitment of the rule trigger_with_action."""
    write_gold(tmp_path, TEXT, GOLD)
    data = json.loads(_run(str(tmp_path), "--format", "json", "--by-rule").stdout)
    rule = data["by_rule"]["trigger_with_action"]
    assert rule["counts"]["tp"] == 1 and rule["metrics"]["precision"] == 1.0
    assert sum(r["counts"]["tp"] for r in data["by_rule"].values()) == data["overall"]["counts"]["tp"]
    table = _run(str(tmp_path), "--by-rule").stdout
    assert "By rule" in table and "trigger_with_action" in table
    assert "By rule" not in _run(str(tmp_path)).stdout


def test_the_ner_flag_is_an_argument_of_the_extraction(tmp_path, hand_made_extraction):
    write_gold(tmp_path, TEXT, GOLD, metadata={"date": "2024-03-05", "parties": ["PAK", "CHN"]})
    assert _run(str(tmp_path), "--no-ner", "--jobs", "2").exit_code == 0
    assert _run(str(tmp_path)).exit_code == 0
    assert hand_made_extraction == [{"jobs": 2, "ner": False}, {"jobs": 1, "ner": True}]
