"""Status labels are data: the bundled file, an organisation's own (`--codebook DIR`, its
tracking.yaml), validated with errors that name the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from trackdocs import ingest, key

from pledgebook.codebook import CodebookError
from pledgebook.codebook.tracking import load_tracking
from pledgebook.track.common import TrackError
from pledgebook.track.status import set_status

OWN = """version: 1
statuses:
  - {id: not_started, label: Not started}
  - {id: partially_met, label: Partially met}
  - {id: met, label: Met}
fulfilled: met
default: not_started
"""


def test_bundled_labels() -> None:
    labels = load_tracking()
    assert labels.ids == ("pledged", "in_progress", "fulfilled", "stalled", "dropped")
    assert (labels.fulfilled, labels.default, labels.label("in_progress")) == ("fulfilled", "pledged", "In progress")
    assert labels.suggestions == {"completion": "fulfilled", "stalled": "stalled", "dropped": "dropped"}


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace("fulfilled: met", "fulfilled: done"), "fulfilled: 'done' is not one of the statuses"),
    (lambda t: t.replace("id: met", "id: partially_met"), "duplicate status ids"),
    (lambda t: t.replace("id: met", "id: Met Fully"), "must be lower-case letters"),
    (lambda t: t.replace("label: Met}", "label: Met, colour: green}"), "unknown key"),
    (lambda t: t.replace("version: 1", "version: 2"), "unsupported or missing version"),
    (lambda t: t + "suggestions: {completion: done}\n", "suggestions.completion: 'done' is not one of the statuses"),
])
def test_invalid_labels_are_refused(tmp_path: Path, edit, message) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "tracking.yaml"
    path.write_text(edit(OWN), encoding="utf-8")
    with pytest.raises(CodebookError, match=message):
        load_tracking(path)


def test_an_organisations_own_labels(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    recs = ingest(engine, ("2021",), link=False)
    park = key(recs["2021"], "Brazil")
    own = tmp_path / "tracking.yaml"
    own.write_text(OWN, encoding="utf-8")
    labels = load_tracking(own)
    assert set_status(engine, park, "partially_met", tracking=labels).label == "Partially met"
    assert set_status(engine, park, "met", tracking=load_tracking(tmp_path)).label == "Met"  # a codebook directory
    with pytest.raises(TrackError, match="unknown status 'fulfilled' \\(one of not_started, partially_met, met\\)"):
        set_status(engine, park, "fulfilled", tracking=labels)
    with pytest.raises(CodebookError, match="missing.yaml: cannot read"):
        load_tracking(tmp_path / "missing.yaml")


def test_a_codebook_without_tracking_labels_keeps_the_bundled_ones(tmp_path: Path) -> None:
    assert load_tracking(tmp_path).ids == load_tracking().ids  # a codebook copied before tracking.yaml existed


def test_the_environment_no_longer_chooses_labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "tracking.yaml"
    own.write_text(OWN, encoding="utf-8")
    monkeypatch.setenv("PLEDGEBOOK_TRACKING", str(own))
    assert load_tracking().fulfilled == "fulfilled"


def test_status_commands_take_labels_from_the_codebook(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pledgebook.serve.cli import app

    book = tmp_path / "book"
    book.mkdir()
    (book / "tracking.yaml").write_text(OWN, encoding="utf-8")
    db = tmp_path / "l.db"
    runner = CliRunner()
    docs = Path(__file__).resolve().parents[2] / "pledgebook" / "examples"
    sample = next(p for p in sorted(docs.glob("*.md")) if "quad" in p.name)
    assert runner.invoke(app, ["ingest", str(sample), "--db", str(db), "--no-progress"]).exit_code == 0
    ledger = runner.invoke(app, ["ledger", "--db", str(db), "--kind", "commitment", "--format", "json"])
    thread = __import__("json").loads(ledger.stdout)[0]["statement_id"]
    refused = runner.invoke(app, ["status", "set", thread, "--status", "met", "--db", str(db)])
    assert refused.exit_code == 2 and "unknown status 'met'" in refused.output
    done = runner.invoke(app, ["status", "set", thread, "--status", "met", "--db", str(db), "--codebook", str(book),
                               "--format", "json"])
    assert done.exit_code == 0, done.output
    assert __import__("json").loads(done.stdout)["label"] == "Met"
    (book / "tracking.yaml").write_text(OWN.replace("version: 1", "version: 9"), encoding="utf-8")
    bad = runner.invoke(app, ["status", "list", "--db", str(db), "--codebook", str(book)])
    assert bad.exit_code == 2 and "tracking labels" in bad.output
