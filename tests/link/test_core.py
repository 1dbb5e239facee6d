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


def test_pledges_of_different_relationships_link_only_through_a_named_undertaking() -> None:
    from pledgebook.link.cluster import pair_score

    cfg = load_config().for_embedder("hashing")
    japan = LinkItem("d1", frozenset({"USA"}), frozenset({"trade"}), frozenset({"who"}), frozenset({"JPN", "USA"}))
    korea = LinkItem("d2", frozenset({"USA"}), frozenset({"trade"}), frozenset({"who"}), frozenset({"KOR", "USA"}))
    assert pair_score(japan, korea, 0.9, cfg) is None  # a shared institution is not the same undertaking
    japan_pgii = LinkItem("d1", japan.actors, japan.sectors, frozenset({"pgii"}), japan.scope, frozenset({"pgii"}))
    korea_pgii = LinkItem("d2", korea.actors, korea.sectors, frozenset({"pgii"}), korea.scope, frozenset({"pgii"}))
    assert pair_score(japan_pgii, korea_pgii, 0.9, cfg) is not None


def test_cohesion_stops_chains_of_loosely_similar_pledges() -> None:
    cfg = load_config().for_embedder("hashing")
    # a ~ b and b ~ c, but a and c have nothing in common: single linkage alone makes one thread
    vec = np.array([[1.0, 0.0], [0.72, 0.69], [0.0, 1.0]], dtype=np.float32)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True)
    items = [LinkItem(d, frozenset({"CHN"}), frozenset(), frozenset()) for d in ("d1", "d2", "d3")]
    new = np.ones(3, dtype=bool)
    pairs = [(0.72, 0, 1), (0.69, 1, 2)]
    assert len(set(cluster(items, pairs, new).root)) == 1
    roots = cluster(items, pairs, new, vectors=vec, cohesion=cfg).root
    assert roots[0] == roots[1] != roots[2]


def test_rebuilt_clusters_claim_the_old_thread_they_overlap_most() -> None:
    from pledgebook.link.ledger import _claim_threads

    keys = ["a", "b", "c", "d", "e", "f"]
    kept = {"a": 5, "b": 5, "c": 9, "d": 9, "e": 9}  # f is new
    # cluster 0 = a b c (two of 5, one of 9), cluster 3 = d e f (two of 9)
    assert _claim_threads({0: [0, 1, 2], 3: [3, 4, 5]}, keys, kept) == {0: 5, 3: 9}
    # both clusters share one statement with thread 5 and 9: the lower thread id goes first,
    # to the cluster with the earliest statement; the other cluster takes what is left
    kept = {"a": 9, "b": 5, "d": 5, "e": 9}
    assert _claim_threads({0: [0, 1], 3: [3, 4]}, keys, kept) == {0: 5, 3: 9}
    # a thread id goes to one cluster only; a cluster with no old statements gets none
    kept = {"a": 5, "d": 5}
    assert _claim_threads({0: [0, 1], 3: [3, 4], 5: [5]}, keys, kept) == {0: 5}


def test_link_item_keeps_entity_kinds_bridges_and_scope() -> None:
    from pledgebook.link.cluster import link_item

    cfg = load_config()
    item = link_item("d1", ["USA"], ["trade"], [("IPMDA", "initiative"), ("WHO", "institution"), ("Tokyo", "place")],
                     ["JPN", "USA"], cfg)
    assert item.entities == {"ipmda", "who"} and item.bridges == {"ipmda"} and item.scope == {"JPN", "USA"}
