"""Status labels are data: the bundled file, an organisation's own ($PLEDGEBOOK_TRACKING),
validated with errors that name the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from trackdocs import ingest, key

from pledgebook.codebook import CodebookError
from pledgebook.codebook.tracking import TRACKING_ENV, load_tracking
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


def test_an_organisations_own_labels(engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    recs = ingest(engine, ("2021",), link=False)
    park = key(recs["2021"], "Brazil")
    own = tmp_path / "tracking.yaml"
    own.write_text(OWN, encoding="utf-8")
    monkeypatch.setenv(TRACKING_ENV, str(own))
    assert set_status(engine, park, "partially_met").label == "Partially met"  # the database takes any label
    monkeypatch.setenv(TRACKING_ENV, str(tmp_path))  # a codebook directory holding it
    assert set_status(engine, park, "met").label == "Met"
    with pytest.raises(TrackError, match="unknown status 'fulfilled' \\(one of not_started, partially_met, met\\)"):
        set_status(engine, park, "fulfilled")
    monkeypatch.setenv(TRACKING_ENV, str(tmp_path / "missing.yaml"))
    with pytest.raises(TrackError, match="tracking labels: missing.yaml: cannot read"):
        set_status(engine, park, "met")
