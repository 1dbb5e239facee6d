"""`--codebook DIR`: an organisation's own copy of the codebook steers extraction, in this
process and in the `--jobs` workers, and a broken one is refused before any work."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from pledgebook.codebook import BUNDLED, Codebook
from pledgebook.codebook.book import FILES
from pledgebook.serve.cli import app

runner = CliRunner()
PLEDGED = "The two sides pledged to expand trade"
AGREED = "China and Pakistan agreed to build a new road"
VERB_ENTRY = "  pledge:     {kind: commitment, strength: firm, needs_action: true, otherwise: commitment}\n"


@pytest.fixture()
def without_pledge(tmp_path: Path) -> Path:
    """A copy of the bundled codebook in which the verb 'pledge' is no trigger (the noun stays)."""
    directory = tmp_path / "codebook"
    directory.mkdir()
    for name in FILES:
        shutil.copy(BUNDLED / name, directory / name)
    triggers = directory / "triggers.yaml"
    text = triggers.read_text(encoding="utf-8")
    assert text.count(VERB_ENTRY) == 1
    triggers.write_text(text.replace(VERB_ENTRY, ""), encoding="utf-8")
    return directory


@pytest.fixture()
def documents(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(f"{PLEDGED}. {AGREED}.", encoding="utf-8")
    (folder / "b.txt").write_text(f"{AGREED}. {PLEDGED}.", encoding="utf-8")
    return folder


def _statements(*args: str) -> list[list[str]]:
    result = runner.invoke(app, ["extract", *args, "--format", "jsonl", "--no-progress"])
    assert result.exit_code == 0, result.output
    return [[s["text"] for s in json.loads(line)["statements"]] for line in result.stdout.splitlines()]


def test_the_copy_differs_from_the_bundled_codebook_only_in_the_verb(without_pledge: Path):
    copy, bundled = Codebook.load(without_pledge).triggers, Codebook.load().triggers
    assert "pledge" in bundled.verbs and "pledge" not in copy.verbs
    assert copy.nouns == bundled.nouns and set(copy.verbs) == set(bundled.verbs) - {"pledge"}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extraction_follows_the_codebook_given(documents: Path, without_pledge: Path, jobs: str):
    assert _statements(str(documents), "--jobs", jobs) == [[PLEDGED, AGREED], [AGREED, PLEDGED]]
    assert _statements(str(documents), "--jobs", jobs, "--codebook", str(without_pledge)) == [[AGREED], [AGREED]]


def test_eval_scores_the_extraction_of_the_codebook_given(tmp_path: Path, without_pledge: Path):
    gold = tmp_path / "gold"
    (gold / "texts").mkdir(parents=True)
    (gold / "texts" / "doc.txt").write_text(f"{PLEDGED}. {AGREED}.\n", encoding="utf-8")
    statements = [{"anchor": PLEDGED, "kind": "commitment"}, {"anchor": AGREED, "kind": "commitment"}]
    (gold / "doc.yaml").write_text(yaml.safe_dump({"document": "texts/doc.txt", "genre": "bilateral_joint_statement",
                                                   "statements": statements}), encoding="utf-8")

    def counts(*args: str) -> tuple[int, int]:
        result = runner.invoke(app, ["eval", str(gold), "--format", "json", *args])
        assert result.exit_code == 0, result.output
        c = json.loads(result.stdout)["overall"]["counts"]
        return c["tp"], c["fn"]

    assert counts() == (2, 0)
    assert counts("--codebook", str(without_pledge)) == (1, 1)


def test_ingest_and_bench_take_the_option():
    for command in ("ingest", "bench"):
        assert "--codebook" in runner.invoke(app, [command, "--help"]).output


def test_a_broken_codebook_is_refused_before_any_work(documents: Path, without_pledge: Path):
    triggers = without_pledge / "triggers.yaml"
    triggers.write_text(triggers.read_text(encoding="utf-8").replace("polite_verbs: [like, love, wish, prefer]",
                                                                    "polite_verbs: like"), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(documents), "--codebook", str(without_pledge), "--no-progress"])
    assert result.exit_code == 2
    assert "triggers.yaml: polite_verbs: Input should be a valid list" in result.output
    assert PLEDGED not in result.output


def test_version_shows_what_ingest_records():
    from pledgebook.store.batch import current_versions

    extractor, codebook = current_versions()
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert f"(extractor {extractor}, bundled codebook {codebook})" in result.output
