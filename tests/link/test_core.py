from __future__ import annotations

import numpy as np

from pledgebook.link import HashingEmbedder, bench_linking
from pledgebook.link.cluster import LinkItem, candidate_pairs, cluster
from pledgebook.link.config import load_config


def test_hashing_embedder_is_deterministic_and_normalised() -> None:
    a = HashingEmbedder().embed(["accelerate the upgrading of ML-1", ""])
    b = HashingEmbedder().embed(["accelerate the upgrading of ML-1", ""])
    assert np.array_equal(a, b)
    assert abs(float(np.linalg.norm(a[0])) - 1.0) < 1e-5 and not a[1].any()


def test_separate_decision_and_one_statement_per_document() -> None:
    cfg = load_config().for_embedder("hashing")
    texts = ["agreed to upgrade the ML-1 railway", "pledged to upgrade the ML-1 railway",
             "will upgrade the ML-1 railway", "to upgrade the ML-1 railway line"]
    items = [LinkItem(d, frozenset({"CHN", "PAK"}), frozenset({"transport"}), frozenset({"ml-1"}))
             for d in ("d1", "d2", "d3", "d3")]
    vec = HashingEmbedder().embed(texts)
    new = np.ones(4, dtype=bool)
    pairs = candidate_pairs(items, vec, new, cfg)
    roots = cluster(items, pairs, new).root
    assert roots[0] == roots[1] and len({roots[2], roots[3]}) == 2  # d3 contributes one statement
    apart = cluster(items, pairs, new, cannot_link=[(0, 1)]).root
    assert apart[0] != apart[1]


def test_bench_linking_small_run_reports_timings() -> None:
    result = bench_linking(3000)
    assert result["statements"] == 3000 and result["within_budget"]
    assert 0 < result["threads_repeated"] <= result["threads"] < 3000
