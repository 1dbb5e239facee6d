"""Thread quality: pairwise precision, recall and F1 of the linker's pair decision on
annotated statement pairs (format and numbers: docs/threads.md). gold/threads/pairs.yaml is
the dev set the settings were chosen on; gold/threads/heldout.yaml is held out and must never
be used to choose a setting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import yaml

from pledgebook.link.cluster import LinkItem, link_item, pair_score
from pledgebook.link.config import LinkConfig, load_config
from pledgebook.link.embed import Embedder, make_embedder

GOLD_PAIRS = Path(__file__).resolve().parents[2] / "gold" / "threads" / "pairs.yaml"
HELDOUT_PAIRS = GOLD_PAIRS.with_name("heldout.yaml")


@dataclass(frozen=True, slots=True)
class GoldStatement:
    id: str
    text: str
    actors: tuple[str, ...]
    sectors: tuple[str, ...]
    entities: tuple[tuple[str, str], ...]  # (canonical name, kind)
    parties: tuple[str, ...]  # the document's parties, as the extractor reads them
    item: LinkItem


@dataclass(frozen=True, slots=True)
class GoldPair:
    a: str
    b: str
    same: bool


class PairRates:
    """Pairwise precision, recall and F1 from the ``tp``, ``fp`` and ``fn`` counts of a subclass."""

    __slots__ = ()
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class PairEval(PairRates):
    embedder: str
    threshold: float
    pairs: int
    tp: int
    fp: int
    fn: int
    tn: int
    sweep: list[dict] = field(default_factory=list)  # P/R/F1 at other thresholds
    errors: list[dict] = field(default_factory=list)  # misjudged pairs with their scores

    @property
    def sweep_best(self) -> dict | None:
        """The sweep point of highest F1 (ties: higher precision, then higher threshold).
        Reported to show where a threshold would peak on these pairs, not applied."""
        if not self.sweep:
            return None
        return max(self.sweep, key=lambda r: (r["f1"], r["precision"], r["threshold"]))

    def to_dict(self) -> dict:
        out = asdict(self)
        out.update(precision=round(self.precision, 4), recall=round(self.recall, 4), f1=round(self.f1, 4),
                   sweep_best=self.sweep_best)
        return out


def load_gold_pairs(path: Path = GOLD_PAIRS, cfg: LinkConfig | None = None) -> tuple[dict[str, GoldStatement], list[GoldPair]]:
    cfg = cfg or load_config()
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    statements = {}
    for sid, s in raw["statements"].items():
        actors, sectors = tuple(s.get("actors", [])), tuple(s.get("sectors", []))
        entities = tuple((name, kind) for name, kind in s.get("entities", []))
        parties = tuple(s.get("parties", []))
        item = link_item(s["source"], actors, sectors, entities, parties, cfg, text=" ".join(s["text"].split()))
        statements[sid] = GoldStatement(sid, " ".join(s["text"].split()), actors, sectors, entities, parties, item)
    pairs = []
    for a, b, label in raw["pairs"]:
        if a not in statements or b not in statements or label not in ("same", "different"):
            raise ValueError(f"{path}: bad pair [{a}, {b}, {label}]")
        pairs.append(GoldPair(a, b, label == "same"))
    return statements, pairs


def _counts(scores: Sequence[float | None], gold: Sequence[bool], threshold: float) -> tuple[int, int, int, int]:
    tp = fp = fn = tn = 0
    for s, same in zip(scores, gold):
        linked = s is not None and s >= threshold
        tp += linked and same
        fp += linked and not same
        fn += (not linked) and same
        tn += (not linked) and not same
    return tp, fp, fn, tn


def evaluate_gold_pairs(
    path: Path = GOLD_PAIRS,
    *,
    embedder: Embedder | None = None,
    config: LinkConfig | None = None,
    sweep: Sequence[float] = tuple(np.round(np.arange(0.30, 0.96, 0.05), 2)),
) -> PairEval:
    """Score every gold pair with the linker's ``pair_score`` and compare with the labels."""
    emb = embedder or make_embedder()
    cfg = (config or load_config()).for_embedder(emb.family)
    statements, pairs = load_gold_pairs(path, cfg)
    ids = list(statements)
    vectors = emb.embed([statements[i].text for i in ids])
    row = {sid: n for n, sid in enumerate(ids)}
    scores = []
    for p in pairs:
        cos = float(vectors[row[p.a]] @ vectors[row[p.b]])
        scores.append(pair_score(statements[p.a].item, statements[p.b].item, cos, cfg))
    gold = [p.same for p in pairs]
    tp, fp, fn, tn = _counts(scores, gold, cfg.threshold)
    result = PairEval(emb.id, cfg.threshold, len(pairs), tp, fp, fn, tn)
    for t in sweep:
        at = PairEval(emb.id, float(t), len(pairs), *_counts(scores, gold, float(t)))
        result.sweep.append({"threshold": float(t), "precision": round(at.precision, 4),
                             "recall": round(at.recall, 4), "f1": round(at.f1, 4)})
    for p, s in zip(pairs, scores):
        if (s is not None and s >= cfg.threshold) != p.same:
            result.errors.append({"a": p.a, "b": p.b, "gold": "same" if p.same else "different",
                                  "score": None if s is None else round(s, 4)})
    return result
