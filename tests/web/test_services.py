"""The page models without a browser: highlighted segments, filters from query parameters,
facet links, chart geometry and word-diff pieces."""

from __future__ import annotations

import datetime as dt

import pytest

from pledgebook.serve.web.charts import bar_chart, timeline
from pledgebook.serve.web.documents import StatementDetails, segments
from pledgebook.serve.web.ledger import BadFilter, _facets, statement_query
from pledgebook.serve.web.marks import diff_pieces, pair_pieces


def _st(start: int, end: int, text: str = "") -> StatementDetails:
    return StatementDetails(f"st-{start}-{end}", f"k:{start}-{end}", "commitment", start, end, text, [], None, [], [],
                            None, None, None, None, None, None, "", None)


def test_segments_cover_the_text_once_in_order():
    text = "Alpha beta. Gamma delta. Epsilon."
    parts = segments(text, [_st(12, 24), _st(0, 11)])
    assert "".join(p.text for p in parts) == text
    assert [(p.text, p.statement.anchor if p.statement else None) for p in parts] == [
        ("Alpha beta.", "st-0-11"), (" ", None), ("Gamma delta.", "st-12-24"), (" Epsilon.", None)]


def test_overlapping_spans_never_repeat_text():
    text = "one two three four"
    parts = segments(text, [_st(0, 13), _st(4, 18), _st(4, 7)])
    assert "".join(p.text for p in parts) == text
    assert [p.statement.anchor for p in parts if p.statement] == ["st-0-13", "st-4-18"]  # st-4-7 lies inside the first


def test_statement_query_takes_the_cli_options_and_checks_them():
    flt = statement_query([("kind", "commitment"), ("kind", "position"), ("strength", "firm"), ("actor", "India"),
                           ("sector", "defense"), ("year", "2021"), ("search", "space"), ("page", "3")]).flt
    assert list(flt.kinds) == ["commitment", "position"] and list(flt.strengths) == ["firm"]
    assert list(flt.actors) == ["IND"] and list(flt.sectors) == ["security"]  # names and aliases resolve
    assert (flt.since, flt.until) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert flt.search == "space" and flt.limit is None
    for bad, words in ((("kind", "pledge"), "unknown kind 'pledge'"), (("strength", "iron"), "unknown strength"),
                       (("year", "21"), "not a year"), (("since", "yesterday"), "not a date"),
                       (("actor", "Atlantis"), "unknown actor")):
        with pytest.raises(BadFilter, match=words):
            statement_query([bad])


def test_facet_links_add_or_remove_a_value():
    counts = {"actor": [("IND", 2), ("USA", 1)], "kind": [("commitment", 1), ("position", 1)],
              "year": [("2021", 1), ("2025", 1)]}
    facets = {f.param: f for f in _facets(counts, [("kind", "commitment"), ("page", "2"), ("utm", "x")])}
    party = {v.value: v for v in facets["actor"].values}
    assert party["IND"].count == 2 and party["USA"].count == 1
    assert party["IND"].href == "/ledger?kind=commitment&actor=IND"  # a new filter starts at page 1
    kind = {v.value: v for v in facets["kind"].values}
    assert kind["commitment"].chosen and kind["commitment"].href == "/ledger"  # chosen: the link removes it
    assert [v.value for v in facets["year"].values] == ["2025", "2021"]  # years newest first
    assert facets["entity"].values == []


def test_bar_chart_scales_to_the_largest_count():
    chart = bar_chart("by kind", [("commitment", 40, "/a"), ("position", 10, "/b"), ("a" * 40, 0, "/c")])
    widths = [b.width for b in chart.bars]
    assert abs(widths[0] - 4 * widths[1]) <= 4 and widths[2] >= 1  # to the pixel
    assert chart.bars[2].label.endswith("…") and chart.bars[2].full_label == "a" * 40
    assert [b.y for b in chart.bars] == sorted(b.y for b in chart.bars)


def test_timeline_places_points_by_date_and_strength():
    chart = timeline([("2021-01-01", "soft", "a", "/1"), ("2023-01-01", "firm", "b", "/2"),
                      ("2023-01-01", None, "c", "/3"), (None, "moderate", "d", "/4")])
    xs, ys = [p.x for p in chart.points], {p.strength: p.y for p in chart.points}
    assert xs[0] < xs[1] < xs[2]  # the same day side by side
    assert ys["firm"] < ys["moderate"] < ys["soft"] < ys["no strength"]  # firm at the top
    assert [year for _, year in chart.ticks] == ["2021", "2022", "2023"]  # each 1 January within the span
    assert chart.path == " ".join(f"{p.x},{p.y}" for p in chart.points)  # one polyline through the points, in order


def test_word_diff_pieces_mark_added_and_removed_words():
    parts = diff_pieces("The two sides will build the port", "The two sides will jointly build the new port")
    assert {p.text for p in parts if p.mark == "added"} == {"jointly", "new"}
    left, right = pair_pieces("China will build the port soon", "China will build the port")
    assert [p.text for p in left if p.mark == "removed"] == ["soon"] and not [p for p in right if p.mark]


def test_nothing_is_marked_safe():
    """Every value reaches the page escaped: no template or module of the web pages turns
    escaping off or marks a string as markup."""
    from pathlib import Path

    import pledgebook.serve.web as web

    root = Path(web.__file__).parent
    for path in [*root.glob("*.py"), *root.glob("templates/*.html")]:
        text = path.read_text(encoding="utf-8")
        for forbidden in ("|safe", "| safe", "Markup(", "autoescape false", "autoescape=False", "{% raw"):
            assert forbidden not in text, f"{path.name}: {forbidden}"
