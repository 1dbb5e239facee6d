"""The suggestion cues (codebook/data/suggestion_cues.yaml, codebook/cues.py): a versioned,
validated codebook file that the track layer reads and the extractor does not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pledgebook.codebook import Codebook, CodebookError
from pledgebook.codebook.book import BUNDLED, FILES
from pledgebook.codebook.cues import CUES_FILE, load_cues


@pytest.mark.parametrize(("text", "expected"), [
    ("The port was inaugurated on Monday.", [("completion", "inaugurated")]),
    ("The line, completed in 2017, carries freight.", [("completion", "completed")]),
    ("Sri Lanka formally handed over the port.", [("completion", "handed over")]),
    ("The project has been handed-over to the authority.", [("completion", "handed-over")]),
    ("The railway began commercial operations in March.", [("completion", "began commercial operations")]),
    ("The plant is now operational.", [("completion", "is now operational")]),
    ("Work was suspended last year.", [("stalled", "suspended")]),
    ("Funding shortfalls led to delays.", [("stalled", "delays")]),
])
def test_cues_that_are_evidence(text, expected):
    assert [(m.cls, m.words) for m in load_cues().find(text)] == expected


@pytest.mark.parametrize("text", [
    "The port will be inaugurated next year.",
    "The line is to be completed by 2025.",
    "They agreed on the completion of the railway.",  # a noun of a goal: no cue
    "It'll be completed soon.",
    "The terminal has not been completed.",
    "The plant is expected to become operational by 2023.",
    "Once commissioned, the plant will supply the grid.",
    "Phase 2A is 98 percent complete and will be operationalised in September.",
    "They offered technical and operational support.",
    "Both sides agreed to work without delays.",
    "The talks could be postponed.",
])
def test_future_modal_negated_or_partial_forms_are_not(text):
    assert load_cues().find(text) == []


def test_the_clause_bounds_the_window():
    """A modal in an earlier clause does not block a cue in the next one."""
    found = load_cues().find("The minister said China would help, and the port, completed in 2019, is busy.")
    assert [(m.cls, m.words) for m in found] == [("completion", "completed")]


def _copy(tmp_path: Path) -> Path:
    for name in FILES:
        shutil.copy(BUNDLED / name, tmp_path / name)
    shutil.copy(BUNDLED / CUES_FILE, tmp_path / CUES_FILE)
    return tmp_path


def _edit(directory: Path, change) -> None:
    path = directory / CUES_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_an_organisations_own_cues_are_read_and_are_no_part_of_the_codebook_version(tmp_path: Path):
    copy = _copy(tmp_path)
    _edit(copy, lambda d: d["classes"]["completion"]["cues"].append("switched on"))
    assert Codebook.load(copy).digest == Codebook.load().digest  # accepted, and outside the digest
    assert [m.words for m in load_cues(copy).find("The plant was switched on.")] == ["switched on"]
    assert load_cues().find("The plant was switched on.") == []
    assert load_cues(tmp_path / "..") is load_cues()  # a directory without the file: the bundled cues


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(version=2), r"suggestion_cues.yaml: unsupported or missing version 2"),
    (lambda d: d["classes"]["completion"].update(cues="inaugurated"), r"classes.completion.cues: Input should be a valid list"),
    (lambda d: d["classes"].update(finished={"reason": "x", "cues": ["done"]}), r"classes.finished \(the key\)"),
    (lambda d: d["dropped"].update(genres=["press_release"]), r"dropped.genres\[0\]"),
    (lambda d: d["dropped"].update(min_documents=1), r"dropped.min_documents"),
    (lambda d: d.update(windw=4), r"windw: unknown key"),
])
def test_a_malformed_file_is_a_codebook_error_naming_the_key(tmp_path: Path, change, message):
    copy = _copy(tmp_path)
    _edit(copy, change)
    with pytest.raises(CodebookError, match=message):
        load_cues(copy)
