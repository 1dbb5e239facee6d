"""The learned-backstop experiment scripts (scripts/backstop_*.py): folds keep a document whole,
the numpy logistic regression learns a separable toy, thresholds meet their precision, and the
pseudo-blind test swaps in the old extractor's verdicts."""

from __future__ import annotations

import sys

import numpy as np

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
from backstop_cv import SparseLR, folds_by_doc, threshold_for  # noqa: E402
from backstop_pseudoblind import with_old_predictions  # noqa: E402


def _row(doc, feats, label, genre="readout", start=0, end=10):
    return {"doc": doc, "genre": genre, "features": feats, "gold_anchors": label, "start": start, "end": end,
            "pred_commitment": False, "pred_kinds": []}


def test_folds_keep_each_document_in_one_fold():
    rows = [_row(f"d{i % 7}", [], 0, genre="news_report" if i % 2 else "readout") for i in range(40)]
    fold_of = folds_by_doc(rows, 5, seed=0)
    assert set(fold_of) == {f"d{i}" for i in range(7)}
    assert set(fold_of.values()) <= set(range(5))


def test_logistic_regression_separates_a_toy():
    rows = [_row("a", ["l2=we_will"], 1)] * 20 + [_row("b", ["l2=we_note"], 0)] * 20
    model = SparseLR(min_count=1, iters=200).fit(rows)
    pos, neg = model.score([_row("c", ["l2=we_will"], 1), _row("c", ["l2=we_note"], 0)])
    assert pos > 0.8 > 0.2 > neg


def test_threshold_meets_its_precision():
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2])
    labels = np.array([1, 1, 1, 1, 0, 1, 0, 0], dtype=float)
    thr = threshold_for(scores, labels, 0.8)
    flags = scores >= thr
    assert labels[flags].mean() >= 0.8 and flags.sum() == 6


def test_old_predictions_replace_the_verdicts():
    row = _row("d", ["l=agree", "pred=position"], 1, start=100, end=200)
    (new,) = with_old_predictions([row], {"d": [(120, 150, "commitment"), (300, 320, "position")]})
    assert new["pred_commitment"] and new["pred_kinds"] == ["commitment"]
    assert "pred=commitment" in new["features"] and "pred=position" not in new["features"]
