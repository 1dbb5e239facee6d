"""bench/iaa.py: two coders' gold folders scored with `pledgebook eval`'s matcher."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from evalkit import write_gold

_SPEC = importlib.util.spec_from_file_location("iaa", Path(__file__).parents[2] / "bench" / "iaa.py")
iaa = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(iaa)

TEXT = ("The two sides agreed to build a new port at Kuala Harbour. They condemned piracy. "
        "They will hold the next dialogue in May. They are studying a rail link to the coast.")

PORT = {"anchor": "agreed to build a new port at Kuala Harbour", "kind": "commitment", "actors": ["AAA", "BBB"],
        "strength": "firm", "sectors": ["ports"], "entities": ["Kuala Harbour"]}
PIRACY = {"anchor": "condemned piracy", "kind": "position", "actors": ["AAA", "BBB"], "sectors": [], "entities": []}
DIALOGUE = {"anchor": "will hold the next dialogue in May", "kind": "commitment", "actors": ["AAA", "BBB"],
            "strength": "firm", "sectors": ["diplomacy"], "entities": []}
RAIL = {"anchor": "are studying a rail link to the coast", "kind": "commitment", "actors": ["AAA", "BBB"],
        "strength": "moderate", "sectors": ["transport"], "entities": [], "optional": True,
        "note": "present progressive"}


def _coders(tmp_path: Path, a: list[dict], b: list[dict]) -> tuple[Path, Path]:
    dir_a, dir_b = tmp_path / "a", tmp_path / "b"
    write_gold(dir_a, TEXT, a)
    write_gold(dir_b, TEXT, b)
    return dir_a, dir_b


def _overall(report) -> dict:
    c = report.overall
    return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "ignored": c.ignored, **c.metrics()}


def test_identical_codings_agree_fully(tmp_path):
    dir_a, dir_b = _coders(tmp_path, [PORT, PIRACY, DIALOGUE, RAIL], [PORT, PIRACY, DIALOGUE, RAIL])
    b_vs_a, a_vs_b = iaa.agreement(iaa.paired_files(dir_a, dir_b))
    for report in (b_vs_a, a_vs_b):
        got = _overall(report)
        assert (got["tp"], got["fp"], got["fn"]) == (2, 0, 0)
        assert got["f1"] == got["actor_accuracy"] == got["strength_accuracy"] == 1.0
        assert got["kind_coverage"] == got["kind_accuracy"] == 1.0


def test_a_statement_only_coder_a_made_is_a_miss_and_symmetrically_a_false_positive(tmp_path):
    dir_a, dir_b = _coders(tmp_path, [PORT, PIRACY, DIALOGUE], [PORT, PIRACY])
    b_vs_a, a_vs_b = iaa.agreement(iaa.paired_files(dir_a, dir_b))
    assert (b_vs_a.overall.tp, b_vs_a.overall.fp, b_vs_a.overall.fn) == (1, 0, 1)
    assert b_vs_a.overall.metrics()["recall"] == 0.5
    assert (a_vs_b.overall.tp, a_vs_b.overall.fp, a_vs_b.overall.fn) == (1, 1, 0)


def test_optional_statements_are_ignored_on_both_sides(tmp_path):
    # Coder A marks the rail study optional; coder B codes it as a plain commitment.
    plain_rail = {k: v for k, v in RAIL.items() if k not in ("optional", "note")}
    dir_a, dir_b = _coders(tmp_path, [PORT, RAIL], [PORT, plain_rail])
    b_vs_a, a_vs_b = iaa.agreement(iaa.paired_files(dir_a, dir_b))
    # B's commitment lands on A's optional one: ignored, not a false positive.
    assert (b_vs_a.overall.tp, b_vs_a.overall.fp, b_vs_a.overall.fn, b_vs_a.overall.ignored) == (1, 0, 0, 1)
    # A's optional statement is not offered as a prediction, so B's plain one is a miss.
    assert (a_vs_b.overall.tp, a_vs_b.overall.fp, a_vs_b.overall.fn) == (1, 0, 1)


def test_a_commitment_over_the_other_coders_position_is_a_false_positive(tmp_path):
    as_commitment = {**PIRACY, "kind": "commitment", "strength": "firm"}
    dir_a, dir_b = _coders(tmp_path, [PORT, PIRACY], [PORT, as_commitment])
    b_vs_a, _ = iaa.agreement(iaa.paired_files(dir_a, dir_b))
    assert (b_vs_a.overall.tp, b_vs_a.overall.fp, b_vs_a.overall.fn) == (1, 1, 0)
    assert b_vs_a.overall.metrics()["kind_accuracy"] == 0.0


def test_actor_and_strength_disagreements_are_counted_on_matched_commitments(tmp_path):
    other = {**DIALOGUE, "actors": ["AAA"], "strength": "moderate"}
    dir_a, dir_b = _coders(tmp_path, [PORT, DIALOGUE], [PORT, other])
    b_vs_a, _ = iaa.agreement(iaa.paired_files(dir_a, dir_b))
    m = b_vs_a.overall.metrics()
    assert b_vs_a.overall.tp == 2
    assert m["actor_accuracy"] == m["strength_accuracy"] == 0.5


def test_different_texts_are_refused(tmp_path):
    dir_a, dir_b = _coders(tmp_path, [PORT], [PORT])
    (dir_b / "texts" / "doc.txt").write_text(TEXT + " Extra.", encoding="utf-8")
    with pytest.raises(SystemExit, match="different texts"):
        iaa.agreement(iaa.paired_files(dir_a, dir_b))


def test_json_output_carries_both_views(tmp_path, capsys):
    dir_a, dir_b = _coders(tmp_path, [PORT, DIALOGUE], [PORT])
    iaa.main([str(dir_a), str(dir_b), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert out["b_vs_a"]["overall"]["counts"]["fn"] == 1
    assert out["a_vs_b"]["overall"]["counts"]["fp"] == 1
    assert out["b_vs_a"]["documents"][0]["name"] == "doc"


def _start_of(anchor: str) -> int:
    return TEXT.index(anchor)


def test_different_excerpts_are_refused_by_default(tmp_path):
    dir_a, dir_b = tmp_path / "a", tmp_path / "b"
    write_gold(dir_a, TEXT, [PORT], excerpt={"start": 0, "end": _start_of("They will hold")})
    write_gold(dir_b, TEXT, [PORT])
    with pytest.raises(SystemExit, match="different excerpts"):
        iaa.agreement(iaa.paired_files(dir_a, dir_b))


def test_excerpt_overlap_scores_both_codings_on_the_shared_range(tmp_path, capsys):
    # A annotated only the first two sentences; B the whole text, with a commitment after A's excerpt.
    dir_a, dir_b = tmp_path / "a", tmp_path / "b"
    write_gold(dir_a, TEXT, [PORT, PIRACY], excerpt={"start": 0, "end": _start_of("They will hold")})
    write_gold(dir_b, TEXT, [PORT, PIRACY, DIALOGUE])
    b_vs_a, a_vs_b = iaa.agreement(iaa.paired_files(dir_a, dir_b), excerpt_overlap=True)
    # B's dialogue lies outside the overlap: neither a false positive nor, the other way, a miss.
    assert (b_vs_a.overall.tp, b_vs_a.overall.fp, b_vs_a.overall.fn) == (1, 0, 0)
    assert (a_vs_b.overall.tp, a_vs_b.overall.fp, a_vs_b.overall.fn) == (1, 0, 0)
    assert "scored on their overlap" in capsys.readouterr().err


def test_excerpt_overlap_leaves_out_a_document_whose_ranges_are_disjoint(tmp_path):
    dir_a, dir_b = tmp_path / "a", tmp_path / "b"
    cut = _start_of("They will hold")
    write_gold(dir_a, TEXT, [PORT], excerpt={"start": 0, "end": cut})
    write_gold(dir_b, TEXT, [DIALOGUE], excerpt={"start": cut, "end": len(TEXT)})
    b_vs_a, a_vs_b = iaa.agreement(iaa.paired_files(dir_a, dir_b), excerpt_overlap=True)
    assert b_vs_a.documents == [] and a_vs_b.documents == []
