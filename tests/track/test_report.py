"""A compliance report whose numbers are worked out by hand."""

from __future__ import annotations

import pytest
from trackdocs import ingest, key

from pledgebook.link import thread_of_statement
from pledgebook.track.common import TrackError
from pledgebook.track.report import compliance_report
from pledgebook.track.review import Correction, review
from pledgebook.track.status import set_status


def _rows(report) -> dict:  # type: ignore[no-untyped-def]
    return {r.group: (r.commitments, r.assessments, r.plus, r.zero, r.minus, r.average) for r in report.rows}


def test_report_by_party_sector_year_and_thread(engine) -> None:  # type: ignore[no-untyped-def]
    recs = ingest(engine)
    park21, park23 = key(recs["2021"], "Brazil and Norway"), key(recs["2023"], "Brazil and Norway")
    forest21, forest23 = key(recs["2021"], "The two sides"), key(recs["2023"], "The two sides")
    park, forest = thread_of_statement(engine, park21), thread_of_statement(engine, forest21)
    assert park != forest and thread_of_statement(engine, forest23) == forest
    set_status(engine, str(park), "in_progress", scores={"BRA": 0, "NOR": 0})
    set_status(engine, str(park), "fulfilled", scores={"BRA": 1})  # BRA now +1; NOR's 0 stands
    set_status(engine, str(forest), "stalled", scores={"BRA": -1, "NOR": 1})
    set_status(engine, forest23, "in_progress", scores={"NOR": 0})  # the 2023 pledge on its own
    set_status(engine, park21, "pledged")  # no score: not assessed
    review(engine, park23, "correct", Correction(sectors=["energy", "climate_environment"]))  # the review counts
    # assessments: park BRA +1, park NOR 0, forest BRA -1, forest NOR +1, forest23 NOR 0
    by_party = compliance_report(engine, "party")
    assert _rows(by_party) == {"NOR": (3, 3, 1, 2, 0, 0.333), "BRA": (2, 2, 1, 0, 1, 0.0)}
    assert [r.group for r in by_party.rows] == ["NOR", "BRA"]  # most assessed first
    nor = by_party.rows[0]
    assert (nor.share_plus, nor.share_zero, nor.share_minus) == (0.333, 0.667, 0.0)
    total = by_party.total
    assert (total.commitments, total.assessments, total.plus, total.zero, total.minus, total.average) == (
        3, 5, 2, 2, 1, 0.2)
    assert _rows(compliance_report(engine, "thread")) == {
        f"thread {park}": (1, 2, 1, 1, 0, 0.5), f"thread {forest}": (2, 3, 1, 1, 1, 0.0)}
    assert _rows(compliance_report(engine, "year")) == {"2021": (2, 4, 2, 1, 1, 0.25), "2023": (1, 1, 0, 1, 0, 0.0)}
    assert _rows(compliance_report(engine, "sector")) == {
        "climate_environment": (3, 5, 2, 2, 1, 0.2), "energy": (1, 2, 1, 1, 0, 0.5)}
    chart = compliance_report(engine, "year").to_dict()["chart"]
    assert chart["labels"] == ["2021", "2023"] and chart["average"] == [0.25, 0.0]
    assert chart["series"][0] == {"name": "+1", "data": [0.5, 0.0]}
    with pytest.raises(TrackError, match="one of party, sector, year, thread"):
        compliance_report(engine, "continent")
