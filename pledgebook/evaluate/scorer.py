"""Score extraction records against gold annotations (the rules are in docs/evaluation.md).

Counts are kept as plain integers per document and summed for the overall (micro-averaged)
figures; every ratio is derived from them and is ``None`` when its denominator is zero.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from pledgebook.codebook import Codebook
from pledgebook.core.data import ExtractionRecord, Span, Statement
from pledgebook.evaluate.gold import METADATA_FIELDS, GoldDocument, GoldStatement

ENTITY_FUZZ = 90  # rapidfuzz ratio (0-100) at which two entity names are the same
DEFAULT_THRESHOLD = 0.5  # commitment F1 below which a document is listed


@dataclass(slots=True)
class Counts:
    gold_commitments: int = 0  # non-optional
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0  # predicted commitments covering only optional gold
    actor_ok: int = 0  # over TP commitment pairs
    actor_n: int = 0
    pair_actor_ok: int = 0  # over all matched pairs
    pair_actor_n: int = 0
    strength_ok: int = 0
    strength_n: int = 0
    other_gold: int = 0  # non-optional gold statements of the other kinds
    other_covered: int = 0
    kind_ok: int = 0
    sector_tp: int = 0
    sector_fp: int = 0
    sector_fn: int = 0
    main_sector_ok: int = 0
    main_sector_n: int = 0
    entity_gold: int = 0
    entity_found: int = 0
    entity_pred: int = 0
    entity_pred_ok: int = 0
    due_gold: int = 0  # non-optional gold statements with a due date, in due-annotated files
    due_found: int = 0  # of those, paired with a statement of the same due
    due_pred: int = 0  # predicted dues on matched pairs, in due-annotated files
    due_pred_ok: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def metrics(self) -> dict[str, float | None]:
        return {
            "precision": _div(self.tp, self.tp + self.fp),
            "recall": _div(self.tp, self.tp + self.fn),
            "f1": _f1(self.tp, self.fp, self.fn),
            "actor_accuracy": _div(self.actor_ok, self.actor_n),
            "actor_accuracy_all_pairs": _div(self.pair_actor_ok, self.pair_actor_n),
            "strength_accuracy": _div(self.strength_ok, self.strength_n),
            "kind_accuracy": _div(self.kind_ok, self.other_covered),
            "kind_coverage": _div(self.other_covered, self.other_gold),
            "sector_precision": _div(self.sector_tp, self.sector_tp + self.sector_fp),
            "sector_recall": _div(self.sector_tp, self.sector_tp + self.sector_fn),
            "sector_f1": _f1(self.sector_tp, self.sector_fp, self.sector_fn),
            "main_sector_accuracy": _div(self.main_sector_ok, self.main_sector_n),
            "entity_recall": _div(self.entity_found, self.entity_gold),
            "entity_precision": _div(self.entity_pred_ok, self.entity_pred),
            "due_recall": _div(self.due_found, self.due_gold),
            "due_precision": _div(self.due_pred_ok, self.due_pred),
        }


@dataclass(slots=True)
class RuleCounts:
    """What one rule (``Statement.rule``) produced and how much of it gold bears out."""

    produced: int = 0  # statements of the rule that were scored
    commitments: int = 0  # of them commitments: each TP, FP or ignored, as in Counts
    tp: int = 0
    fp: int = 0
    ignored: int = 0
    paired: int = 0  # pairs with a gold statement of another kind (any predicted kind)
    kind_ok: int = 0  # of those pairs, the predicted kind is the gold kind

    def __add__(self, other: "RuleCounts") -> "RuleCounts":
        return RuleCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def metrics(self) -> dict[str, float | None]:
        return {"precision": _div(self.tp, self.tp + self.fp), "kind_accuracy": _div(self.kind_ok, self.paired)}


@dataclass(frozen=True, slots=True)
class Miss:
    """One thing that went wrong, with the text a developer needs to see it."""

    category: str  # fp | fn | undetected | kind | actors | strength | entity | due
    start: int
    end: int
    text: str
    reason: str


@dataclass(slots=True)
class FieldScore:
    gold: Any
    predicted: Any
    correct: bool


@dataclass(slots=True)
class DocumentScore:
    name: str
    genre: str
    source: str
    counts: Counts
    metadata: dict[str, FieldScore]
    misses: list[Miss] = field(default_factory=list)
    gold_errors: list[str] = field(default_factory=list)
    rules: dict[str, RuleCounts] = field(default_factory=dict)

    @property
    def f1(self) -> float | None:
        return self.counts.metrics()["f1"]

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "genre": self.genre,
            "source": self.source,
            "counts": asdict(self.counts),
            "metrics": self.counts.metrics(),
            "metadata": {k: asdict(v) for k, v in self.metadata.items()},
            "gold_errors": list(self.gold_errors),
        }
        if details:
            out["details"] = [asdict(m) for m in self.misses]
        return out


@dataclass(slots=True)
class EvalReport:
    documents: list[DocumentScore]
    gold_errors: list[str]  # whole files that could not be used, and unresolved anchors
    threshold: float = DEFAULT_THRESHOLD

    @property
    def overall(self) -> Counts:
        return sum((d.counts for d in self.documents), Counts())

    def by_genre(self) -> dict[str, Counts]:
        groups: dict[str, Counts] = defaultdict(Counts)
        for d in self.documents:
            groups[d.genre] = groups[d.genre] + d.counts
        return dict(sorted(groups.items()))

    def metadata_accuracy(self) -> dict[str, dict[str, Any]]:
        out = {}
        for name in METADATA_FIELDS:
            scored = [d.metadata[name] for d in self.documents if name in d.metadata]
            correct = sum(s.correct for s in scored)
            out[name] = {"correct": correct, "scored": len(scored), "accuracy": _div(correct, len(scored))}
        return out

    def by_rule(self) -> dict[str, RuleCounts]:
        """Counts per rule over all documents, the most productive rule first."""
        groups: dict[str, RuleCounts] = defaultdict(RuleCounts)
        for d in self.documents:
            for rule, c in d.rules.items():
                groups[rule] = groups[rule] + c
        return dict(sorted(groups.items(), key=lambda kv: (-kv[1].produced, kv[0])))

    def below_threshold(self) -> list[str]:
        return [d.name for d in self.documents if d.f1 is not None and d.f1 < self.threshold]

    def to_dict(self, details: bool = False, by_rule: bool = False) -> dict[str, Any]:
        overall = self.overall
        out = {
            "documents": [d.to_dict(details) for d in self.documents],
            "overall": {"documents": len(self.documents), "counts": asdict(overall), "metrics": overall.metrics()},
            "by_genre": {g: {"counts": asdict(c), "metrics": c.metrics()} for g, c in self.by_genre().items()},
            "metadata_accuracy": self.metadata_accuracy(),
            "threshold": self.threshold,
            "below_threshold": self.below_threshold(),
            "gold_errors": list(self.gold_errors),
        }
        if by_rule:
            out["by_rule"] = {r: {"counts": asdict(c), "metrics": c.metrics()} for r, c in self.by_rule().items()}
        return out


# -- scoring one document ---------------------------------------------------------------
def overlap(a: Statement | GoldStatement, b: Statement | GoldStatement) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def covers(p: Statement, g: GoldStatement) -> bool:
    """At least half of the gold anchor's characters lie inside the prediction."""
    return 2 * overlap(p, g) >= g.end - g.start


def score_document(gold: GoldDocument, record: ExtractionRecord, codebook: Codebook | None = None) -> DocumentScore:
    """``codebook``: whose gazetteer aliases name the same entity (the bundled one by default)."""
    canon = canonical_names(codebook or Codebook.load())
    predicted = sorted(record.statements, key=lambda s: (s.start, s.end))
    if gold.excerpt is not None:
        predicted = [p for p in predicted if Span(p.start, p.end).overlaps(gold.excerpt)]
    counts = Counts()
    misses: list[Miss] = []
    rules: dict[str, RuleCounts] = defaultdict(RuleCounts)
    for p in predicted:
        rules[p.rule].produced += 1
    pairs = _match_commitments(gold, predicted, counts, misses, rules)
    pairs += _cover_other_kinds(gold, predicted, counts, misses, rules)
    for g, p in pairs:
        _score_pair(g, p, counts, misses, canon)
    if gold.due_annotated:
        _score_dues(gold, predicted, counts, misses)

    metadata = {name: _field_score(name, gold.metadata[name], record) for name in METADATA_FIELDS if name in gold.metadata}
    misses.sort(key=lambda m: (m.start, m.category))
    return DocumentScore(gold.name, gold.genre, str(gold.text_path), counts, metadata, misses, list(gold.errors),
                         dict(rules))


def _match_commitments(gold: GoldDocument, predicted: list[Statement], counts: Counts, misses: list[Miss],
                       rules: dict[str, RuleCounts]) -> list[tuple[GoldStatement, Statement]]:
    """Commitments: greedy in document order. Returns the TP pairs."""
    pairs: list[tuple[GoldStatement, Statement]] = []
    claimed: dict[int, Statement] = {}
    for p in (s for s in predicted if s.kind == "commitment"):
        rule = rules[p.rule]
        rule.commitments += 1
        covered = [g for g in gold.statements if covers(p, g)]
        swallowed = [g for g in covered if not g.is_commitment and not g.optional]
        open_ = [g for g in covered if g.is_commitment and not g.optional and g.index not in claimed]
        if swallowed:
            counts.fp += 1
            rule.fp += 1
            what = "; ".join(f"{g.kind} {_quote(g.anchor)}" for g in swallowed)
            misses.append(_miss("fp", p, f"swallows non-commitment gold: {what}"))
        elif open_:
            g = max(open_, key=lambda g: (overlap(p, g), -g.start))
            claimed[g.index] = p
            counts.tp += 1
            rule.tp += 1
            pairs.append((g, p))
            _score_commitment_pair(g, p, counts, misses)
        elif covered and all(g.optional for g in covered):
            counts.ignored += 1
            rule.ignored += 1
        else:
            counts.fp += 1
            rule.fp += 1
            misses.append(_miss("fp", p, _unmatched_reason(gold, p, covered)))
    for g in gold.statements:
        if g.is_commitment and not g.optional:
            counts.gold_commitments += 1
            if g.index not in claimed:
                counts.fn += 1
                misses.append(Miss("fn", g.start, g.end, g.anchor, _why_missed(g, predicted)))
    return pairs


def _unmatched_reason(gold: GoldDocument, p: Statement, covered: list[GoldStatement]) -> str:
    if covered:
        return f"duplicate: gold commitment {_quote(covered[0].anchor)} is already matched"
    near = [g for g in gold.statements if overlap(p, g)]
    return f"covers less than half of gold {near[0].kind} {_quote(near[0].anchor)}" if near else "covers no gold statement"


def _cover_other_kinds(gold: GoldDocument, predicted: list[Statement], counts: Counts, misses: list[Miss],
                       rules: dict[str, RuleCounts]) -> list[tuple[GoldStatement, Statement]]:
    """The other kinds: detection (coverage) and kind accuracy. Returns the covered pairs."""
    pairs: list[tuple[GoldStatement, Statement]] = []
    for g in gold.statements:
        if g.optional or g.is_commitment:
            continue
        counts.other_gold += 1
        covering = [p for p in predicted if covers(p, g)]
        if not covering:
            misses.append(Miss("undetected", g.start, g.end, g.anchor, f"gold {g.kind}: {_why_missed(g, predicted)}"))
            continue
        p = max(covering, key=lambda p: (overlap(p, g), -p.start))
        counts.other_covered += 1
        rules[p.rule].paired += 1
        pairs.append((g, p))
        if p.kind == g.kind:
            counts.kind_ok += 1
            rules[p.rule].kind_ok += 1
        else:
            misses.append(Miss("kind", g.start, g.end, g.anchor, f"gold {g.kind}, predicted {p.kind}: {_quote(p.text)}"))
    return pairs


def evaluate(gold_docs: Sequence[GoldDocument], records: Iterable[ExtractionRecord],
             file_errors: Iterable[str] = (), threshold: float = DEFAULT_THRESHOLD,
             codebook: Codebook | None = None) -> EvalReport:
    """Score each gold document against its record (same order)."""
    scores = [score_document(g, r, codebook) for g, r in zip(gold_docs, records, strict=True)]
    errors = list(file_errors) + [e for g in gold_docs for e in g.errors]
    return EvalReport(scores, errors, threshold)


# -- per pair --------------------------------------------------------------------------
def _score_commitment_pair(g: GoldStatement, p: Statement, counts: Counts, misses: list[Miss]) -> None:
    if g.actors is not None:
        counts.actor_n += 1
        if set(g.actors) == set(p.actors):
            counts.actor_ok += 1
        else:
            misses.append(Miss("actors", g.start, g.end, g.anchor,
                               f"gold {sorted(set(g.actors))}, predicted {sorted(set(p.actors))}"))
    if g.strength is not None:
        counts.strength_n += 1
        if g.strength == p.strength:
            counts.strength_ok += 1
        else:
            misses.append(Miss("strength", g.start, g.end, g.anchor, f"gold {g.strength}, predicted {p.strength}"))


def _score_pair(g: GoldStatement, p: Statement, counts: Counts, misses: list[Miss], canon: dict[str, str]) -> None:
    if g.actors is not None:
        counts.pair_actor_n += 1
        counts.pair_actor_ok += set(g.actors) == set(p.actors)
    if g.sectors is not None:
        gold_s, pred_s = set(g.sectors), set(p.sectors)
        counts.sector_tp += len(gold_s & pred_s)
        counts.sector_fp += len(pred_s - gold_s)
        counts.sector_fn += len(gold_s - pred_s)
        if g.sectors:
            counts.main_sector_n += 1
            counts.main_sector_ok += g.sectors[0] in pred_s
    if g.entities is not None:
        gold_names = list(dict.fromkeys(n.strip() for n in g.entities if n.strip()))
        # One predicted entity per canonical name; it matches by its name or any surface form.
        predicted: dict[str, set[str]] = defaultdict(set)
        for e in p.entities:
            predicted[e.name].update((e.name, e.surface))
        missed = [n for n in gold_names if not any(same_entity(n, forms, canon) for forms in predicted.values())]
        counts.entity_gold += len(gold_names)
        counts.entity_found += len(gold_names) - len(missed)
        if missed:
            misses.append(Miss("entity", g.start, g.end, g.anchor,
                               f"missed {', '.join(missed)}; predicted {sorted(predicted) or 'none'}"))
        counts.entity_pred += len(predicted)
        counts.entity_pred_ok += sum(any(same_entity(n, forms, canon) for n in gold_names) for forms in predicted.values())


def _score_dues(gold: GoldDocument, predicted: list[Statement], counts: Counts, misses: list[Miss]) -> None:
    """Due dates, whatever the kinds (kinds are scored above): each non-optional gold statement
    pairs with the predicted statement that covers it most. Recall over every gold due (an
    uncovered statement's is missed), precision over the dues of the paired predictions."""
    for g in gold.statements:
        if g.optional:
            continue
        covering = [p for p in predicted if covers(p, g)]
        p = max(covering, key=lambda p: (overlap(p, g), -p.start)) if covering else None
        due = predicted_due(p) if p is not None else None
        if g.due is not None:
            counts.due_gold += 1
            counts.due_found += due == g.due
        if due is not None:
            counts.due_pred += 1
            counts.due_pred_ok += due == g.due
        if (g.due is not None or due is not None) and due != g.due:
            misses.append(Miss("due", g.start, g.end, g.anchor, f"gold due {g.due}, predicted {due}"
                               + (f" ({_quote(p.when.text)})" if p is not None and p.when else "")))


def predicted_due(p: Statement) -> str | None:
    """A statement's due as gold writes it: its date, or "event" for an undated relative event."""
    if p.when is None:
        return None
    return p.when.due or ("event" if p.when.precision == "event" else None)


CONTAINED_MIN_CHARS = 8  # a name this long inside the other one, on word boundaries, is the same entity


@lru_cache(maxsize=4)
def canonical_names(codebook: Codebook) -> dict[str, str]:
    """Every gazetteer alias (casefolded) -> its canonical name, so a coder may write either."""
    return {_fold(alias): _fold(entry.name) for entry in codebook.gazetteer for alias in entry.all_names}


def _contains(longer: str, shorter: str) -> bool:
    return len(shorter) >= CONTAINED_MIN_CHARS and re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer) is not None


def same_entity(gold_name: str, forms: Iterable[str], canon: dict[str, str] | None = None) -> bool:
    """Same entity: equal after alias resolution (``canon``: ``canonical_names``, of the bundled
    codebook by default), fuzzy-equal (ratio >= ENTITY_FUZZ), or one name contained in the
    other ("Biological E" in "Biological E LTD")."""
    canon = canonical_names(Codebook.load()) if canon is None else canon
    raw = _fold(gold_name)
    golds = {raw, canon.get(raw, raw)}
    for form in forms:
        f = _fold(form)  # a surface may run over a line break
        for p in {f, canon.get(f, f)}:
            for g in golds:
                if g == p or fuzz.ratio(g, p) >= ENTITY_FUZZ or _contains(p, g) or _contains(g, p):
                    return True
    return False


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _field_score(name: str, gold: Any, record: ExtractionRecord) -> FieldScore:
    doc = record.document
    if name == "date":
        pred: Any = doc.date
        ok = gold == pred
    elif name == "place":
        pred = doc.place
        ok = _norm(gold) == _norm(pred)
    elif name == "parties":
        pred = list(doc.parties)
        ok = gold is not None and {c.upper() for c in gold} == {c.upper() for c in pred}
    elif name == "kind":
        pred = doc.kind
        ok = gold == pred
    else:  # agreements_signed
        pred = record.agreements_signed
        ok = gold == pred
    return FieldScore(gold, pred, ok)


# -- helpers ---------------------------------------------------------------------------
def _why_missed(g: GoldStatement, predicted: list[Statement]) -> str:
    covering = [p for p in predicted if covers(p, g)]
    if covering:
        p = covering[0]
        return f"covered by a predicted {p.kind} that did not match: {_quote(p.text)}"
    touching = [p for p in predicted if overlap(p, g)]
    if touching:
        p = touching[0]
        return f"only partly overlapped by a predicted {p.kind}: {_quote(p.text)}"
    return "no predicted statement"


def _miss(category: str, p: Statement, reason: str) -> Miss:
    return Miss(category, p.start, p.end, p.text, reason)


def _quote(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return f"«{flat if len(flat) <= limit else flat[: limit - 1] + '…'}»"


def _norm(value: str | None) -> str | None:
    return None if value is None else " ".join(value.split()).casefold()


def _div(a: int, b: int) -> float | None:
    return a / b if b else None


def _f1(tp: int, fp: int, fn: int) -> float | None:
    # 2TP / (2TP + FP + FN): the harmonic mean of P and R, 0 when nothing matched, and
    # undefined only when there was nothing to find and nothing was predicted.
    return _div(2 * tp, 2 * tp + fp + fn)
