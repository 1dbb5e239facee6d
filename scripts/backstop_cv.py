"""Document-grouped, genre-stratified cross-validation of a learned recall backstop.

    python scripts/backstop_cv.py DATA.jsonl [--train-on all|nocommit] [--seed N]

A numpy L2 logistic regression (the venv has no scikit-learn) over the binary features of
pledgebook/evaluate/backstop_data.py. Scored only on sentences where the extractor predicts no
commitment. Thresholds are picked two ways: post hoc on the pooled out-of-fold scores (an upper
bound), and honestly by nested CV (each outer fold's threshold is chosen on inner out-of-fold
scores of its own training documents only).
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict

import numpy as np

TARGETS = (0.6, 0.7, 0.8)


def load(path):
    return [json.loads(line) for line in open(path)]


_PAIRED = ("subj=", "modal_class=", "aux=", "root_lemma=", "trig_verb=", "trig_noun=", "pred=")


def add_pairs(rows):
    """Conjunctions of the clause-level features (subject type x modal x root x trigger kind)."""
    out = []
    for r in rows:
        core = sorted(f for f in r["features"] if f.startswith(_PAIRED))
        pairs = [f"{a}&{b}" for i, a in enumerate(core) for b in core[i + 1:] if a.split("=")[0] != b.split("=")[0]]
        out.append(dict(r, features=r["features"] + pairs))
    return out


def folds_by_doc(rows, k, seed):
    by_genre = defaultdict(set)
    for r in rows:
        by_genre[r["genre"]].add(r["doc"])
    rng = random.Random(seed)
    fold_of, i = {}, 0
    for genre in sorted(by_genre):
        docs = sorted(by_genre[genre])
        rng.shuffle(docs)
        for d in docs:
            fold_of[d] = i % k
            i += 1
    return fold_of


class SparseLR:
    def __init__(self, min_count=3, l2=1.0, iters=300, lr=0.1):
        self.min_count, self.l2, self.iters, self.lr = min_count, l2, iters, lr

    def _matrix(self, rows):
        idx, ptr = [], [0]
        for r in rows:
            f = [self.vocab[x] for x in r["features"] if x in self.vocab] + [0]  # 0 = bias
            idx.extend(f)
            ptr.append(len(idx))
        return np.asarray(idx, dtype=np.int64), np.asarray(ptr, dtype=np.int64)

    def _dot(self, w, idx, ptr):
        return np.add.reduceat(w[idx], ptr[:-1])

    def fit(self, rows):
        counts = Counter(x for r in rows for x in r["features"])
        self.vocab = {"<bias>": 0}
        for x, c in counts.items():
            if c >= self.min_count:
                self.vocab[x] = len(self.vocab)
        idx, ptr = self._matrix(rows)
        y = np.asarray([1.0 if r["gold_anchors"] > 0 else 0.0 for r in rows])
        lens = np.diff(ptr)
        n, F = len(rows), len(self.vocab)
        w = np.zeros(F)
        m, v = np.zeros(F), np.zeros(F)
        reg = np.full(F, self.l2 / n)
        reg[0] = 0.0
        for t in range(1, self.iters + 1):
            p = 1 / (1 + np.exp(-self._dot(w, idx, ptr)))
            g = np.bincount(idx, weights=np.repeat(p - y, lens), minlength=F) / n + reg * w
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            w -= self.lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
        self.w = w
        return self

    def score(self, rows):
        idx, ptr = self._matrix(rows)
        return 1 / (1 + np.exp(-self._dot(self.w, idx, ptr)))

    def top_features(self, n=25):
        inv = {i: x for x, i in self.vocab.items()}
        order = np.argsort(-self.w)
        return [(inv[i], round(float(self.w[i]), 2)) for i in order[:n]]


def train_pop(rows, mode):
    return rows if mode == "all" else [r for r in rows if not r["pred_commitment"]]


def oof_scores(rows, k, seed, mode, **kw):
    fold_of = folds_by_doc(rows, k, seed)
    scores = np.zeros(len(rows))
    for f in range(k):
        train = [r for r in rows if fold_of[r["doc"]] != f]
        test_i = [i for i, r in enumerate(rows) if fold_of[r["doc"]] == f]
        model = SparseLR(**kw).fit(train_pop(train, mode))
        scores[test_i] = model.score([rows[i] for i in test_i])
    return scores


def threshold_for(scores, labels, target):
    """The lowest threshold whose flags (score >= t) have precision >= target, with at least 5 flags."""
    order = np.argsort(-scores)
    tp = np.cumsum(labels[order])
    prec = tp / np.arange(1, len(order) + 1)
    ok = [i for i in range(4, len(order)) if prec[i] >= target]
    return float(scores[order[max(ok)]]) if ok else float("inf")


def summary(pop, scores, thr):
    flag = scores >= thr
    pos = np.asarray([r["gold_anchors"] > 0 for r in pop])
    anchors = np.asarray([r["gold_anchors"] for r in pop])
    nflag, tp = int(flag.sum()), int((flag & pos).sum())
    return dict(flags=nflag, true_flags=tp, false_flags=nflag - tp, precision=round(tp / nflag, 3) if nflag else None,
                anchors_recovered=int(anchors[flag].sum()), anchors_total=int(anchors.sum()),
                recall=round(anchors[flag].sum() / max(1, anchors.sum()), 3))


def nested_scores(rows, k, seed, mode, **kw):
    """Out-of-fold scores plus, per test row, thresholds chosen on its training folds only."""
    fold_of = folds_by_doc(rows, k, seed)
    scores = np.zeros(len(rows))
    thr = {t: np.zeros(len(rows)) for t in TARGETS}
    for f in range(k):
        train = [r for r in rows if fold_of[r["doc"]] != f]
        test_i = [i for i, r in enumerate(rows) if fold_of[r["doc"]] == f]
        model = SparseLR(**kw).fit(train_pop(train, mode))
        scores[test_i] = model.score([rows[i] for i in test_i])
        inner = oof_scores(train, k - 1, seed + 1, mode, **kw)
        in_pop = np.asarray([not r["pred_commitment"] for r in train])
        labels = np.asarray([r["gold_anchors"] > 0 for r in train], dtype=float)[in_pop]
        for t in TARGETS:
            thr[t][test_i] = threshold_for(inner[in_pop], labels, t)
    return scores, thr


def report(rows, scores, thr_rows, tag):
    mask = np.asarray([not r["pred_commitment"] for r in rows])
    nostmt = np.asarray([not r["pred_kinds"] for r in rows])
    out = {}
    for t in TARGETS:
        for name, m in (("no_commitment", mask), ("no_statement", nostmt)):
            pop = [r for r, keep in zip(rows, m) if keep]
            flag_ok = scores[m] >= thr_rows[t][m]
            out[f"{tag} P>={t} {name}"] = summary(pop, flag_ok.astype(float), 0.5)
        for genre in sorted({r["genre"] for r in rows}):
            m = mask & np.asarray([r["genre"] == genre for r in rows])
            pop = [r for r, keep in zip(rows, m) if keep]
            out[f"{tag} P>={t} no_commitment genre={genre}"] = summary(pop, (scores[m] >= thr_rows[t][m]).astype(float), 0.5)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--train-on", default="all", choices=("all", "nocommit"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--nested", action="store_true")
    ap.add_argument("--no-pred", action="store_true", help="drop the extractor-verdict features")
    ap.add_argument("--pairs", action="store_true", help="add conjunctions of clause-level features")
    a = ap.parse_args()
    rows = load(a.data)
    if a.pairs:
        rows = add_pairs(rows)
    if a.no_pred:
        rows = [dict(r, features=[f for f in r["features"] if not f.startswith("pred=")]) for r in rows]
    kw = dict(l2=a.l2, min_count=a.min_count)
    mask = np.asarray([not r["pred_commitment"] for r in rows])
    labels = np.asarray([r["gold_anchors"] > 0 for r in rows], dtype=float)
    print(json.dumps(dict(sentences=len(rows), docs=len({r["doc"] for r in rows}),
                          pos_sentences=int(labels.sum()), anchors=sum(r["gold_anchors"] for r in rows),
                          nocommit_sentences=int(mask.sum()), nocommit_anchors=sum(r["gold_anchors"] for r, m in zip(rows, mask) if m),
                          nostmt_anchors=sum(r["gold_anchors"] for r in rows if not r["pred_kinds"]))))
    scores = oof_scores(rows, 5, a.seed, a.train_on, **kw)
    post = {t: np.full(len(rows), threshold_for(scores[mask], labels[mask], t)) for t in TARGETS}
    results = report(rows, scores, post, "posthoc")
    if a.nested:
        nscores, nthr = nested_scores(rows, 5, a.seed, a.train_on, **kw)
        results.update(report(rows, nscores, nthr, "nested"))
    for key, val in results.items():
        print(key, json.dumps(val))
    model = SparseLR(**kw).fit(train_pop(rows, a.train_on))
    print("top features:", model.top_features())


if __name__ == "__main__":
    main()
