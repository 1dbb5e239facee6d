"""End-to-end thread evaluation: news texts go through the real pipeline (extraction, storage,
linking, as ``pledgebook ingest`` runs them) into a temporary SQLite ledger; each gold mention
is then the stored statement whose span contains its anchor, and gold pairs of mentions are
scored on whether those statements ended up in one thread. Format and meaning of the numbers:
docs/threads.md, "End to end, from texts".

Orders: ``batch`` ingests every text, then links once; ``date`` ingests one text at a time in
publication order, linking after each (as news arrives); ``shuffled`` does the same in a
random order fixed by a seed.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pledgebook.codebook import Codebook
from pledgebook.evaluate.e2e_ledger import MentionOutcome, StoredStatement, pair_scores, resolve_mentions
from pledgebook.evaluate.news_gold import GoldPair, NewsGold, NewsGoldError, NewsText
from pledgebook.link import Embedder, link_new_statements, make_embedder
from pledgebook.link.config import LinkConfig, load_config
from pledgebook.link.quality import PairRates
from pledgebook.store import open_database
from pledgebook.store.batch import ingest_paths

ORDERS = ("batch", "date", "shuffled")
# Why a gold `same` pair was lost, first cause that applies (docs/threads.md).
CAUSES = {
    "not_extracted": "an anchor is inside no statement",
    "kind_not_linked": "an anchor is in a statement of a kind that is not linked",
    "unthreaded": "an anchor is in a statement of a linked kind left without a thread (it may not start one)",
    "different_scope": "both linked, different threads, and the linker's relationship/actor gate keeps them apart",
    "different_threads": "both linked, in different threads",
}


@dataclass(slots=True)
class PairCounts(PairRates):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, same: bool, predicted: bool) -> None:
        self.tp += same and predicted
        self.fp += (not same) and predicted
        self.fn += same and not predicted
        self.tn += (not same) and not predicted

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(slots=True)
class JudgedPair:
    """A gold pair the pipeline got wrong: a lost `same` pair (with its cause) or a false link."""

    pair: GoldPair
    a: MentionOutcome
    b: MentionOutcome
    cause: str | None  # CAUSES key for a lost pair; None for a false link
    score: float | None = None  # the linker's pair score of the two statements, when both are linked

    @property
    def gate(self) -> str | None:
        """Which part of the linker's gate keeps a ``different_scope`` pair apart: their actors
        share no party, or their documents' parties (the relationship) differ."""
        if self.cause != "different_scope":
            return None
        a, b = self.a.statement, self.b.statement
        return "actors" if a.actors and b.actors and not set(a.actors) & set(b.actors) else "relationship"

    def to_dict(self) -> dict:
        return {"relationship": self.pair.a.relationship, "threads": [self.pair.a.thread, self.pair.b.thread],
                "gold": "same" if self.pair.same else "different", "cause": self.cause, "gate": self.gate,
                "score": None if self.score is None else round(self.score, 4),
                "a": self.a.to_dict(), "b": self.b.to_dict()}


@dataclass(slots=True)
class OrderRun:
    order: str
    seed: int | None
    documents: int
    statements: int  # current statements in the ledger
    seconds: float
    threshold: float  # the linker's, for the embedder used
    mentions: Counter = field(default_factory=Counter)  # status -> count
    mention_kinds: Counter = field(default_factory=Counter)  # kind of the statement a mention is in ("none")
    overall: PairCounts = field(default_factory=PairCounts)
    relationships: dict[str, PairCounts] = field(default_factory=dict)
    lost: list[JudgedPair] = field(default_factory=list)
    # the gold mentions ("doc@start") grouped by the thread their statements are in: comparable
    # between runs and orders, unlike thread ids
    partition: list[list[str]] = field(default_factory=list)
    false_links: list[JudgedPair] = field(default_factory=list)

    def causes_of(self, relationship: str | None = None) -> dict[str, int]:
        """Lost same pairs by cause, of one relationship or (None) of all."""
        counted = Counter(p.cause for p in self.lost if relationship in (None, p.pair.a.relationship))
        return {cause: counted.get(cause, 0) for cause in CAUSES}

    @property
    def causes(self) -> dict[str, int]:
        return self.causes_of(None)

    @property
    def kept_apart(self) -> int:
        """Lost ``different_threads`` pairs whose own score reaches the threshold: clustering kept
        them apart (one statement per document, cohesion, two threads already formed)."""
        return sum(p.cause == "different_threads" and p.score is not None and p.score >= self.threshold
                   for p in self.lost)

    def to_dict(self) -> dict:
        return {"order": self.order, "seed": self.seed, "documents": self.documents, "statements": self.statements,
                "seconds": round(self.seconds, 2), "mentions": dict(sorted(self.mentions.items())),
                "mention_kinds": dict(self.mention_kinds.most_common()),
                "overall": self.overall.to_dict(),
                "relationships": {rel: c.to_dict() | {"lost_causes": self.causes_of(rel)}
                                  for rel, c in self.relationships.items()},
                "lost_causes": self.causes,
                "lost_at_or_above_threshold": self.kept_apart, "lost": [p.to_dict() for p in self.lost],
                "false_links": [p.to_dict() for p in self.false_links], "partition": self.partition}


@dataclass(slots=True)
class E2EReport:
    gold_dir: str
    embedder: str
    threshold: float
    linked_kinds: list[str]
    relationships: dict[str, dict]  # per relationship: parties, threads, mentions, same and different pairs
    runs: list[OrderRun] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"gold_dir": self.gold_dir, "embedder": self.embedder, "threshold": self.threshold,
                "linked_kinds": self.linked_kinds, "causes": CAUSES, "relationships": self.relationships,
                "runs": [r.to_dict() for r in self.runs]}


def ordered_texts(gold: NewsGold, order: str, seed: int | None = None) -> list[NewsText]:
    """The texts in the order they are ingested: by name for ``batch`` (the linker orders by
    date itself), by publication date for ``date``, a seeded shuffle for ``shuffled``."""
    texts = sorted(gold.texts.values(), key=lambda t: t.name)
    if order == "date":
        return sorted(texts, key=lambda t: (t.date, t.name))
    if order == "shuffled":
        random.Random(seed).shuffle(texts)
        return texts
    if order == "batch":
        return texts
    raise ValueError(f"unknown order {order!r} (one of {', '.join(ORDERS)})")


def evaluate_news_threads(
    gold: NewsGold,
    orders: Sequence[str] = ("batch", "date"),
    *,
    seed: int | None = None,
    embedder: Embedder | None = None,
    codebook: Codebook | None = None,
    config: LinkConfig | None = None,
    on_file: Callable[[], None] = lambda: None,
) -> E2EReport:
    """Ingest ``gold``'s texts once per order into a fresh temporary ledger and score each run.
    ``codebook`` and ``config`` are what extraction and linking run with (by default the
    bundled codebook and link/data/linking.yaml, as ``pledgebook ingest``)."""
    emb = embedder or make_embedder()
    cfg = (config or load_config()).for_embedder(emb.family)
    report = E2EReport(str(gold.directory), emb.id, float(cfg.threshold), list(cfg.kinds), _gold_summary(gold))
    run = _Run(gold, emb, cfg, codebook, on_file)
    for order in orders:
        report.runs.append(run(order, seed if order == "shuffled" else None))
    return report


def _gold_summary(gold: NewsGold) -> dict[str, dict]:
    pairs = Counter((p.a.relationship, p.same) for p in gold.pairs())
    return {name: {"parties": list(rel.parties), "threads": len(rel.threads),
                   "mentions": sum(len(m) for m in rel.threads.values()),
                   "same_pairs": pairs[(name, True)], "different_pairs": pairs[(name, False)]}
            for name, rel in gold.relationships.items()}


@dataclass(frozen=True, slots=True)
class _Run:
    """One order's run: ingest and link into a fresh ledger, then score what it holds."""

    gold: NewsGold
    emb: Embedder
    cfg: LinkConfig
    codebook: Codebook | None
    on_file: Callable[[], None]

    def __call__(self, order: str, seed: int | None) -> OrderRun:
        began = time.perf_counter()
        texts = ordered_texts(self.gold, order, seed)
        with tempfile.TemporaryDirectory(prefix="pledgebook-e2e-") as tmp:
            engine = open_database(Path(tmp) / "ledger.db")
            try:
                if order == "batch":
                    self._ingest_and_link(engine, texts)
                else:
                    for text in texts:  # as news arrives: each document, then its incremental linking
                        self._ingest_and_link(engine, [text])
                outcomes, stored = resolve_mentions(engine, self.gold, self.cfg.kinds)
                run = OrderRun(order, seed, len(texts), stored, 0.0, float(self.cfg.threshold))
                _score(self.gold, outcomes, run)
                _add_scores(engine, self.emb, self.cfg, run)
            finally:
                engine.dispose()
        run.seconds = time.perf_counter() - began
        return run

    def _ingest_and_link(self, engine, texts: Sequence[NewsText]) -> None:
        """What ``pledgebook ingest`` does: extract and store each text, then link the new statements."""
        summary = ingest_paths(engine, [str(t.path) for t in texts], codebook=self.codebook,
                               on_file=lambda _path, _status: self.on_file())
        if summary.failed:
            raise NewsGoldError([f"{path}: ingest failed: {reason}" for path, reason in summary.failed])
        link_new_statements(engine, embedder=self.emb, config=self.cfg)


def _score(gold: NewsGold, outcomes: dict, run: OrderRun) -> None:
    run.mentions.update(o.status for o in outcomes.values())
    run.mention_kinds.update(o.statement.kind if o.statement else "none" for o in outcomes.values())
    groups: dict[int, set[str]] = {}
    for o in outcomes.values():
        if o.thread is not None:
            groups.setdefault(o.thread, set()).add(o.mention.label)
    run.partition = sorted(sorted(g) for g in groups.values())
    for rel in gold.relationships:
        run.relationships[rel] = PairCounts()
    for pair in gold.pairs():
        a, b = outcomes[pair.a], outcomes[pair.b]
        predicted = a.thread is not None and a.thread == b.thread
        run.overall.add(pair.same, predicted)
        run.relationships[pair.a.relationship].add(pair.same, predicted)
        if pair.same and not predicted:
            run.lost.append(JudgedPair(pair, a, b, _cause(a, b)))
        elif predicted and not pair.same:
            run.false_links.append(JudgedPair(pair, a, b, None))


def _cause(a: MentionOutcome, b: MentionOutcome) -> str:
    if a.statement is None or b.statement is None:
        return "not_extracted"
    if a.thread is None or b.thread is None:
        statuses = {a.status, b.status}
        return "kind_not_linked" if "kind_not_linked" in statuses else "unthreaded"
    return "different_threads"  # refined by _add_scores where the linker's gate applies


def _add_scores(engine, emb: Embedder, cfg: LinkConfig, run: OrderRun) -> None:
    """The linker's pair score for pairs whose statements are both linked; a lost pair the
    scope/actor gate refuses (no score) is ``different_scope``."""
    judged = [p for p in run.lost + run.false_links if p.a.thread is not None and p.b.thread is not None]
    pairs: list[tuple[StoredStatement, StoredStatement]] = [(p.a.statement, p.b.statement) for p in judged]
    for p, score in zip(judged, pair_scores(engine, emb, cfg, pairs), strict=True):
        p.score = score
        if p.cause == "different_threads" and score is None:
            p.cause = "different_scope"
