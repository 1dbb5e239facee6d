"""The scoring rules of docs/evaluation.md, one rule per test, on hand-made gold and records."""

from __future__ import annotations

import datetime as dt

import pytest
from evalkit import make_record, write_gold

from pledgebook.evaluate.gold import load_gold
from pledgebook.evaluate.scorer import evaluate, score_document

TEXT = (
    "Beijing, Oct 20 (APP): Pakistan and China agreed to accelerate the development of Gwadar Port. "
    "Both sides reaffirmed support for the One-China principle. "
    "China pledged to upgrade the ML-1 railway and assured support for the Karakoram Highway realignment. "
    "Pakistan thanked China for its assistance. "
    "The two sides signed 20 agreements and MoUs. "
    "They will explore cooperation in space."
)
GWADAR = "agreed to accelerate the development of Gwadar Port"
ONE_CHINA = "reaffirmed support for the One-China principle"
ML1 = "pledged to upgrade the ML-1 railway"
KKH = "assured support for the Karakoram Highway realignment"
THANKS = "thanked China for its assistance"
SIGNED = "signed 20 agreements and MoUs"
SPACE = "will explore cooperation in space"


def _gold(tmp_path, statements, **fields):
    return load_gold(write_gold(tmp_path, TEXT, statements, **fields))


def _c(anchor, **kw):
    return {"anchor": anchor, "kind": "commitment", **kw}


def test_tp_fp_fn_and_prf(tmp_path):
    gold = _gold(tmp_path, [_c(GWADAR), _c(ML1)])
    record = make_record(TEXT, [
        {"quote": GWADAR, "kind": "commitment"},
        {"quote": "Beijing, Oct 20 (APP)", "kind": "commitment"},
    ])
    s = score_document(gold, record)
    assert (s.counts.gold_commitments, s.counts.tp, s.counts.fp, s.counts.fn) == (2, 1, 1, 1)
    m = s.counts.metrics()
    assert m["precision"] == 0.5 and m["recall"] == 0.5 and m["f1"] == 0.5
    assert {(x.category, x.text) for x in s.misses} == {("fp", "Beijing, Oct 20 (APP)"), ("fn", ML1)}


def test_coverage_needs_half_of_the_anchor(tmp_path):
    anchor = "agreed to accelerate the development of Gwadar Port."  # 52 characters
    gold = _gold(tmp_path, [_c(anchor)])
    exactly_half = anchor[:26]
    s = score_document(gold, make_record(TEXT, [{"quote": exactly_half, "kind": "commitment"}]))
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (1, 0, 0)
    s = score_document(gold, make_record(TEXT, [{"quote": anchor[:25], "kind": "commitment"}]))
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (0, 1, 1)
    assert any(m.category == "fp" and "less than half" in m.reason for m in s.misses)


def test_commitment_swallowing_a_position_is_a_false_positive(tmp_path):
    gold = _gold(tmp_path, [_c(GWADAR), {"anchor": ONE_CHINA, "kind": "position"}])
    both = TEXT[TEXT.index(GWADAR): TEXT.index(ONE_CHINA) + len(ONE_CHINA)]
    s = score_document(gold, make_record(TEXT, [{"quote": both, "kind": "commitment"}]))
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (0, 1, 1)
    assert any(m.category == "fp" and "swallows" in m.reason and "One-China" in m.reason for m in s.misses)


def test_swallowing_an_optional_statement_is_allowed(tmp_path):
    gold = _gold(tmp_path, [_c(GWADAR), {"anchor": ONE_CHINA, "kind": "position", "optional": True}])
    both = TEXT[TEXT.index(GWADAR): TEXT.index(ONE_CHINA) + len(ONE_CHINA)]
    s = score_document(gold, make_record(TEXT, [{"quote": both, "kind": "commitment"}]))
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (1, 0, 0)


def test_one_prediction_over_two_gold_commitments_matches_the_larger_overlap(tmp_path):
    gold = _gold(tmp_path, [_c(ML1), _c(KKH)])
    sentence = TEXT[TEXT.index(ML1): TEXT.index(KKH) + len(KKH)]
    s = score_document(gold, make_record(TEXT, [{"quote": sentence, "kind": "commitment"}]))
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (1, 0, 1)
    assert [m.text for m in s.misses if m.category == "fn"] == [ML1]  # KKH's anchor is longer: fully inside too


def test_second_prediction_on_a_claimed_commitment_is_a_false_positive(tmp_path):
    gold = _gold(tmp_path, [_c(GWADAR)])
    record = make_record(TEXT, [
        {"quote": GWADAR, "kind": "commitment"},
        {"quote": "accelerate the development of Gwadar Port", "kind": "commitment"},
    ])
    s = score_document(gold, record)
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (1, 1, 0)
    assert "already matched" in next(m.reason for m in s.misses if m.category == "fp")


def test_optional_gold_is_never_missed_and_its_prediction_is_ignored(tmp_path):
    gold = _gold(tmp_path, [_c(GWADAR), _c(SPACE, optional=True, strength="soft")])
    s = score_document(gold, make_record(TEXT, []))
    assert (s.counts.gold_commitments, s.counts.fn) == (1, 1)
    s = score_document(gold, make_record(TEXT, [{"quote": GWADAR, "kind": "commitment"},
                                                {"quote": SPACE, "kind": "commitment"}]))
    assert (s.counts.tp, s.counts.fp, s.counts.fn, s.counts.ignored) == (1, 0, 0, 1)


def test_excerpt_scores_only_predictions_overlapping_it(tmp_path):
    end = TEXT.index(ONE_CHINA) + len(ONE_CHINA)
    gold = _gold(tmp_path, [_c(GWADAR)], excerpt={"start": 0, "end": end})
    record = make_record(TEXT, [{"quote": GWADAR, "kind": "commitment"},
                                {"quote": ML1, "kind": "commitment"}])  # outside the excerpt
    s = score_document(gold, record)
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (1, 0, 0)


def test_actor_and_strength_accuracy(tmp_path):
    gold = _gold(tmp_path, [
        _c(GWADAR, actors=["CHN", "PAK"], strength="firm"),
        _c(ML1, actors=["CHN"], strength="firm"),
        _c(KKH),  # actors and strength not annotated: left out of both measures
    ])
    record = make_record(TEXT, [
        {"quote": GWADAR, "kind": "commitment", "actors": ["PAK", "CHN"], "strength": "firm"},
        {"quote": ML1, "kind": "commitment", "actors": ["CHN", "PAK"], "strength": "moderate"},
        {"quote": KKH, "kind": "commitment", "actors": ["USA"]},
    ])
    c = score_document(gold, record).counts
    assert (c.tp, c.actor_ok, c.actor_n, c.strength_ok, c.strength_n) == (3, 1, 2, 1, 2)
    assert c.metrics()["actor_accuracy"] == 0.5


def test_kind_accuracy_and_coverage_of_the_other_kinds(tmp_path):
    gold = _gold(tmp_path, [
        {"anchor": ONE_CHINA, "kind": "position", "actors": ["CHN", "PAK"]},
        {"anchor": THANKS, "kind": "appreciation", "actors": ["PAK"]},
        {"anchor": SIGNED, "kind": "agreement"},
        {"anchor": "Pakistan thanked", "kind": "meeting", "optional": True},
    ])
    record = make_record(TEXT, [
        {"quote": ONE_CHINA, "kind": "position", "actors": ["CHN", "PAK"]},
        {"quote": THANKS, "kind": "position", "actors": ["CHN"]},
    ])
    s = score_document(gold, record)
    c = s.counts
    assert (c.other_gold, c.other_covered, c.kind_ok) == (3, 2, 1)
    assert (c.pair_actor_ok, c.pair_actor_n) == (1, 2)
    assert c.metrics()["kind_coverage"] == pytest.approx(2 / 3)
    assert {m.category for m in s.misses} == {"kind", "undetected"}
    assert (c.tp, c.fp) == (0, 0)  # non-commitment predictions never count as commitment FPs


def test_sectors_micro_and_main_sector(tmp_path):
    gold = _gold(tmp_path, [
        _c(GWADAR, sectors=["ports", "connectivity"]),
        _c(ML1, sectors=["transport"]),
        _c(KKH),  # sectors not annotated
    ])
    record = make_record(TEXT, [
        {"quote": GWADAR, "kind": "commitment", "sectors": ["connectivity", "energy"]},
        {"quote": ML1, "kind": "commitment", "sectors": ["transport"]},
        {"quote": KKH, "kind": "commitment", "sectors": ["security"]},
    ])
    c = score_document(gold, record).counts
    assert (c.sector_tp, c.sector_fp, c.sector_fn) == (2, 1, 1)
    assert (c.main_sector_ok, c.main_sector_n) == (1, 2)  # "ports" first in gold, not predicted


def test_entities_match_case_insensitively_and_fuzzily(tmp_path):
    gold = _gold(tmp_path, [
        _c(ML1, entities=["ml-1"]),
        _c(KKH, entities=["Karakorum Highway", "Gilgit"]),
    ])
    record = make_record(TEXT, [
        {"quote": ML1, "kind": "commitment", "entities": [("ML-1", "ML-1")]},
        {"quote": KKH, "kind": "commitment",
         "entities": [("KKH", "Karakoram Highway"), ("assured support", "assured support")]},
    ])
    c = score_document(gold, record).counts
    # ml-1 = ML-1 (case); Karakorum ~ Karakoram by surface (ratio >= 90); Gilgit missed;
    # "assured support" matches no gold name.
    assert (c.entity_gold, c.entity_found) == (3, 2)
    assert (c.entity_pred, c.entity_pred_ok) == (3, 2)


def test_document_metadata_fields(tmp_path):
    gold = _gold(tmp_path, [], metadata={
        "date": dt.date(2023, 10, 20), "place": "beijing", "parties": ["PAK", "CHN"],
        "kind": "news_report", "agreements_signed": None,
    })
    record = make_record(TEXT, [], date="2023-10-20", place="Beijing", parties=["CHN", "PAK"],
                         kind="joint_statement", agreements_signed=20)
    s = score_document(gold, record)
    assert {k: v.correct for k, v in s.metadata.items()} == {
        "date": True, "place": True, "parties": True, "kind": False, "agreements_signed": False}


def test_unannotated_metadata_is_not_scored(tmp_path):
    gold = _gold(tmp_path, [], metadata={"date": "2023-10-20"})
    report = evaluate([gold], [make_record(TEXT, [], date="2023-10-21")])
    acc = report.metadata_accuracy()
    assert acc["date"] == {"correct": 0, "scored": 1, "accuracy": 0.0}
    assert acc["place"]["scored"] == 0 and acc["place"]["accuracy"] is None


def test_overall_is_micro_averaged_and_lists_weak_documents(tmp_path):
    a = load_gold(write_gold(tmp_path, TEXT, [_c(GWADAR), _c(ML1), _c(KKH)], name="a.txt"))
    b = load_gold(write_gold(tmp_path, TEXT, [_c(GWADAR)], name="b.txt", genre="news_report"))
    good = make_record(TEXT, [{"quote": q, "kind": "commitment"} for q in (GWADAR, ML1, KKH)])
    bad = make_record(TEXT, [{"quote": ML1, "kind": "commitment"}])
    report = evaluate([a, b], [good, bad], threshold=0.5)
    overall = report.overall
    assert (overall.tp, overall.fp, overall.fn) == (3, 1, 1)
    assert overall.metrics()["f1"] == pytest.approx(6 / 8)  # not the mean of per-document F1s (1.0 and 0.0)
    assert report.below_threshold() == ["b"]
    assert set(report.by_genre()) == {"bilateral_joint_statement", "news_report"}
    data = report.to_dict(details=True)
    assert data["overall"]["counts"]["tp"] == 3 and data["documents"][1]["details"]


def test_empty_document_has_undefined_f1_and_is_not_listed(tmp_path):
    gold = _gold(tmp_path, [{"anchor": THANKS, "kind": "appreciation"}])
    report = evaluate([gold], [make_record(TEXT, [])])
    assert report.documents[0].f1 is None and report.below_threshold() == []


def test_entity_names_match_through_aliases_and_containment():
    from pledgebook.evaluate.scorer import same_entity

    assert same_entity("China-Pakistan Economic Corridor", ["CPEC"])  # a gazetteer alias of the same entry
    assert same_entity("Biological E", ["Biological E LTD"])  # a long enough name inside the other
    assert not same_entity("Ukraine", ["Ukraine Recovery Conference"])  # too short to count as contained
    assert not same_entity("Gwadar Port", ["ML-1"])


def test_precision_and_kinds_per_rule(tmp_path):
    gold = _gold(tmp_path, [_c(GWADAR), _c(ML1), _c(SPACE, optional=True), {"anchor": ONE_CHINA, "kind": "position"},
                            {"anchor": THANKS, "kind": "appreciation"}, {"anchor": SIGNED, "kind": "agreement"}])
    record = make_record(TEXT, [
        {"quote": GWADAR, "kind": "commitment", "rule": "trigger_with_action"},
        {"quote": ML1, "kind": "commitment", "rule": "trigger_with_action"},
        {"quote": "Beijing, Oct 20 (APP)", "kind": "commitment", "rule": "binding_modal"},
        {"quote": SPACE, "kind": "commitment", "rule": "binding_modal"},
        {"quote": ONE_CHINA, "kind": "position", "rule": "trigger_word"},
        {"quote": THANKS, "kind": "meeting", "rule": "trigger_word"},
        {"quote": SIGNED, "kind": "agreement", "rule": "instrument_signed"},
    ])
    report = evaluate([gold], [record])
    rules = report.by_rule()
    assert list(rules) == ["binding_modal", "trigger_with_action", "trigger_word", "instrument_signed"]  # most first
    twa, modal, word = rules["trigger_with_action"], rules["binding_modal"], rules["trigger_word"]
    assert (twa.commitments, twa.tp, twa.fp, twa.metrics()["precision"]) == (2, 2, 0, 1.0)
    assert (modal.commitments, modal.tp, modal.fp, modal.ignored, modal.metrics()["precision"]) == (2, 0, 1, 1, 0.0)
    assert (word.produced, word.commitments, word.paired, word.kind_ok, word.metrics()["kind_accuracy"]) == (2, 0, 2, 1, 0.5)
    assert rules["instrument_signed"].metrics() == {"precision": None, "kind_accuracy": 1.0}
    # the per-rule counts add up to the overall ones, and reach the JSON only when asked for
    overall = report.overall
    assert sum(c.tp for c in rules.values()) == overall.tp and sum(c.fp for c in rules.values()) == overall.fp
    assert sum(c.kind_ok for c in rules.values()) == overall.kind_ok
    assert "by_rule" not in report.to_dict()
    assert report.to_dict(by_rule=True)["by_rule"]["binding_modal"]["counts"]["ignored"] == 1
