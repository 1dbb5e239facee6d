"""Pseudo-blind test of the learned backstop: the documents of a former blind batch, with the
predictions of the extractor as it was while they were still blind (OLD.json, made by running that
commit's extractor on them), scored by a model trained on every other dev document.

    python scripts/backstop_pseudoblind.py DATA.jsonl OLD.json [OLD2.json ...] [--keep-pred]
    python scripts/backstop_pseudoblind.py DATA.jsonl --test-data OTHER.jsonl

The second form trains on every row of DATA and tests on OTHER (another gold directory, built by
backstop_build.py with the extractor to be backstopped: its own predictions are in the rows). It
is the form for a blind batch, to be run by the lead only.
"""
from __future__ import annotations

import argparse
import json

import numpy as np

from backstop_cv import TARGETS, SparseLR, add_pairs, load, oof_scores, summary, threshold_for


def with_old_predictions(rows, old):
    out = []
    for r in rows:
        r = dict(r)
        preds = [k for s, e, k in old[r["doc"]] if s < r["end"] and e > r["start"]]
        r["pred_commitment"] = "commitment" in preds
        r["pred_kinds"] = sorted(set(preds))
        r["features"] = [f for f in r["features"] if not f.startswith("pred=")] + \
            ([f"pred={k}" for k in r["pred_kinds"]] or ["pred=none"])
        out.append(r)
    return out


def strip_pred(rows):
    return [dict(r, features=[f for f in r["features"] if not f.startswith("pred=")]) for r in rows]


def top_k(scores, rows, ks=(5, 10, 20, 30, 50)):
    order = np.argsort(-scores)
    pos = np.asarray([r["gold_anchors"] > 0 for r in rows])
    return {k: f"{int(pos[order[:k]].sum())}/{k}" for k in ks if k <= len(rows)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("old", nargs="*")
    ap.add_argument("--test-data", help="a JSONL of other documents to test on (their own predictions)")
    ap.add_argument("--keep-pred", action="store_true", help="keep the extractor-verdict features")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--pairs", action="store_true", help="add conjunctions of clause-level features")
    a = ap.parse_args()
    rows = load(a.data)
    test_all = []
    splits = [(p, json.load(open(p))) for p in a.old] + ([(a.test_data, None)] if a.test_data else [])
    for path, old in splits:
        if old is None:
            train, test = rows, load(path)
            assert not {r["doc"] for r in train} & {r["doc"] for r in test}, "test documents are in the training data"
            old = {r["doc"] for r in test}
        else:
            train = [r for r in rows if r["doc"] not in old]
            test = with_old_predictions([r for r in rows if r["doc"] in old], old)
        if not a.keep_pred:
            train, test = strip_pred(train), strip_pred(test)
        if a.pairs:
            train, test = add_pairs(train), add_pairs(test)
        model = SparseLR(l2=a.l2).fit(train)
        inner = oof_scores(train, 5, 0, "all", l2=a.l2)
        labels = np.asarray([r["gold_anchors"] > 0 for r in train], dtype=float)
        # thresholds chosen on the training documents only: precision among ALL their sentences
        thr = {t: threshold_for(inner, labels, t) for t in TARGETS}
        s = model.score(test)
        for r, x in zip(test, s):
            r["score"], r["thr"] = float(x), thr
        test_all += test
        print(path, "train docs", len({r['doc'] for r in train}), "test docs", len(old),
              "thresholds", {t: round(v, 3) for t, v in thr.items()})
    for name, keep in (("old_no_commitment", lambda r: not r["pred_commitment"]),
                       ("old_no_statement", lambda r: not r["pred_kinds"]),
                       ("all_sentences", lambda r: True)):
        pop = [r for r in test_all if keep(r)]
        s = np.asarray([r["score"] for r in pop])
        labels = np.asarray([r["gold_anchors"] > 0 for r in pop], dtype=float)
        print(f"== {name}: sentences {len(pop)}, positive {int(labels.sum())}, anchors {sum(r['gold_anchors'] for r in pop)}")
        print("   top-k hits:", top_k(s, pop))
        for t in TARGETS:
            trained = np.asarray([r["thr"][t] for r in pop])
            print(f"   P>={t} threshold from training docs:", json.dumps(summary(pop, (s >= trained).astype(float), 0.5)))
            print(f"   P>={t} post hoc (upper bound):    ", json.dumps(summary(pop, s, threshold_for(s, labels, t))))
        for genre in sorted({r["genre"] for r in pop}):
            g = [i for i, r in enumerate(pop) if r["genre"] == genre]
            gp = [pop[i] for i in g]
            flags = np.asarray([s[i] >= pop[i]["thr"][0.8] for i in g], dtype=float)
            print(f"   genre={genre} thr(0.8) from training docs:", json.dumps(summary(gp, flags, 0.5)))
        if name == "old_no_statement" and path != a.test_data:  # never print a blind set's sentences
            order = np.argsort(-s)[:15]
            for i in order:
                print(f"   {s[i]:.2f} gold={pop[i]['gold_anchors']} {pop[i]['genre'][:10]} {pop[i]['text'][:150]!r}")


if __name__ == "__main__":
    main()
