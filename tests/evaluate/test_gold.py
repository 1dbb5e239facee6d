"""Gold files: anchors resolve to offsets of the text as read; bad gold is reported clearly."""

from __future__ import annotations

import pytest
from evalkit import write_gold

from pledgebook.evaluate.gold import GoldError, load_gold, load_gold_dir

TEXT = "Both sides agreed to expand trade. Both sides agreed to expand trade and investment."


def test_occurrence_picks_the_nth_match(tmp_path):
    gold = load_gold(write_gold(tmp_path, TEXT, [
        {"anchor": "agreed to expand trade", "kind": "commitment", "occurrence": 2},
        {"anchor": "agreed to expand trade", "kind": "commitment"},
    ]))
    assert [(g.start, g.end) for g in gold.statements] == [(11, 33), (46, 68)]
    assert all(TEXT[g.start:g.end] == g.anchor for g in gold.statements)


def test_markdown_offsets_count_the_front_matter(tmp_path):
    text = "---\ntitle: Joint Statement\ndate: 2024-01-05\n---\nThe leaders agreed to open a consulate.\n"
    gold = load_gold(write_gold(tmp_path, text, [{"anchor": "agreed to open a consulate", "kind": "commitment"}],
                                name="js.md"))
    (g,) = gold.statements
    assert gold.text == text and g.start == text.index("agreed")


def test_missing_anchor_is_a_reported_gold_error_not_a_crash(tmp_path):
    gold = load_gold(write_gold(tmp_path, TEXT, [
        {"anchor": "agreed to expand trade", "kind": "commitment"},
        {"anchor": "agreed to build a canal", "kind": "commitment"},
        {"anchor": "and investment", "kind": "commitment", "occurrence": 3},
    ]))
    assert len(gold.statements) == 1
    assert len(gold.errors) == 2
    assert "statements[1]" in gold.errors[0] and "not found" in gold.errors[0] and "build a canal" in gold.errors[0]
    assert "statements[2]" in gold.errors[1] and "occurs 1 time" in gold.errors[1]


def test_anchor_outside_the_excerpt_is_a_gold_error(tmp_path):
    gold = load_gold(write_gold(tmp_path, TEXT, [{"anchor": "and investment", "kind": "commitment"}],
                                excerpt={"start": 0, "end": 34}))
    assert gold.statements == [] and "outside the excerpt" in gold.errors[0]


@pytest.mark.parametrize(("statements", "fields", "reason"), [
    ([{"anchor": "agreed", "kind": "promise"}], {}, "statements.0.kind"),
    ([{"anchor": "agreed", "kind": "position", "strength": "firm"}], {}, "only commitments carry a strength"),
    ([{"anchor": "agreed", "kind": "commitment", "actor": ["USA"]}], {}, "statements.0.actor"),
    ([], {"genre": "press_release"}, "genre"),
    ([], {"excerpt": {"start": 10, "end": 5}}, "excerpt"),
    ([], {"metadata": {"kind": "memo"}}, "metadata.kind"),
])
def test_invalid_gold_raises_with_the_field(tmp_path, statements, fields, reason):
    path = write_gold(tmp_path, TEXT, statements, **fields)
    with pytest.raises(GoldError) as err:
        load_gold(path)
    assert str(path) in str(err.value) and reason in str(err.value)


def test_unreadable_yaml_and_missing_text_are_collected_per_file(tmp_path):
    write_gold(tmp_path, TEXT, [{"anchor": "agreed to expand trade", "kind": "commitment"}], name="good.txt")
    (tmp_path / "broken.yaml").write_text("document: [unclosed\n", encoding="utf-8")
    (tmp_path / "orphan.yaml").write_text("document: texts/nowhere.txt\ngenre: other\nstatements: []\n")
    docs, errors = load_gold_dir(tmp_path)
    assert [d.name for d in docs] == ["good"]
    reasons = sorted(e.reason for e in errors)
    assert reasons[0].startswith("cannot read YAML") and reasons[1].startswith("cannot read document texts/nowhere.txt")


def test_gold_dir_must_exist(tmp_path):
    with pytest.raises(GoldError):
        load_gold_dir(tmp_path / "absent")
