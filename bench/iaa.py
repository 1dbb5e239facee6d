"""Inter-annotator agreement: score one gold folder (coder B) against another (coder A).

    python bench/iaa.py GOLD_A GOLD_B [--format table|json] [--details]

Coder B's statements play the extractor's predictions and coder A's the gold, and they are
scored by `pledgebook eval`'s own matcher (pledgebook.evaluate.scorer.score_document, rules in
docs/evaluation.md): a B commitment covering at least half of an A anchor claims it, a B
commitment over a non-optional A statement of another kind is a false positive, unclaimed A
commitments are misses. Optional statements are ignored on both sides: B's are not offered as
predictions, A's are never misses. Each B statement's span is its anchor, as A's is.

The symmetric view (A as predictions, B as gold) is printed too. Documents are paired by YAML
file name; both coders must annotate the same text (compared character for character), and by
default over the same `excerpt`. With --excerpt-overlap, a document whose two excerpts differ (a
missing excerpt is the whole text) is scored on the overlap of the two ranges: each coder's
statements that do not overlap it are dropped, and the overlap is the excerpt on both sides. Each
such document is named on stderr; a document whose ranges do not overlap is left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, replace
from pathlib import Path

from pledgebook.core.data import DocumentMeta, EntityMention, ExtractionRecord, Span, Statement, content_hash
from pledgebook.evaluate.gold import GoldDocument, GoldStatement, load_gold
from pledgebook.evaluate.scorer import EvalReport, score_document

RULE = "coder"  # the `rule` every coder statement carries (the scorer groups by rule)


def statement_of(doc: GoldDocument, g: GoldStatement) -> Statement:
    """A coder's statement as a prediction: its anchor span and labels."""
    entities = [EntityMention(name=name, kind="project", start=g.start, end=g.end, surface=g.anchor)
                for name in (g.entities or ())]
    return Statement(
        id=f"{doc.name}:{g.start}-{g.end}", start=g.start, end=g.end, text=g.anchor, kind=g.kind,
        actors=list(g.actors or ()), strength=g.strength, sectors=list(g.sectors or ()), entities=entities,
        when=None, plover=None, cameo=None, rule=RULE, rationale=f"coder annotation #{g.index}",
    )


def record_of(doc: GoldDocument) -> ExtractionRecord:
    """The coder's non-optional statements and metadata as an extraction record."""
    meta = doc.metadata
    document = DocumentMeta(
        id=doc.name, source=str(doc.text_path), title=None, date=meta.get("date"), place=meta.get("place"),
        parties=list(meta.get("parties") or ()), kind=meta.get("kind") or "other",
        content_hash=content_hash(doc.text), chars=len(doc.text),
    )
    statements = [statement_of(doc, g) for g in doc.statements if not g.optional]
    return ExtractionRecord(document=document, statements=statements,
                            agreements_signed=meta.get("agreements_signed"))


def paired_files(dir_a: Path, dir_b: Path) -> list[tuple[Path, Path]]:
    """YAML files present in both folders, by name."""
    names_b = {p.name: p for p in dir_b.glob("*.yaml")}
    return [(a, names_b[a.name]) for a in sorted(dir_a.glob("*.yaml")) if a.name in names_b]


def restricted(doc: GoldDocument, span: Span) -> GoldDocument:
    """The coding cut to ``span``: it becomes the excerpt, statements outside it are dropped."""
    return replace(doc, excerpt=span, statements=[g for g in doc.statements if g.span.overlaps(span)])


def overlap(doc_a: GoldDocument, doc_b: GoldDocument) -> Span | None:
    """The range both coders annotated (no excerpt = the whole text), or None when they share none."""
    whole = Span(0, len(doc_a.text))
    ea, eb = doc_a.excerpt or whole, doc_b.excerpt or whole
    start, end = max(ea.start, eb.start), min(ea.end, eb.end)
    return Span(start, end) if start < end else None


def agreement(pairs: list[tuple[Path, Path]], excerpt_overlap: bool = False) -> tuple[EvalReport, EvalReport]:
    """(B scored against A as gold, A scored against B as gold)."""
    b_vs_a, a_vs_b = [], []
    for path_a, path_b in pairs:
        doc_a, doc_b = load_gold(path_a), load_gold(path_b)
        if doc_a.text != doc_b.text:
            raise SystemExit(f"{path_a.name}: the two coders annotated different texts")
        if doc_a.excerpt != doc_b.excerpt:
            if not excerpt_overlap:
                raise SystemExit(f"{path_a.name}: the two coders used different excerpts (see --excerpt-overlap)")
            span = overlap(doc_a, doc_b)
            if span is None:
                print(f"{path_a.stem}: the two excerpts do not overlap, left out", file=sys.stderr)
                continue
            print(f"{path_a.stem}: different excerpts, scored on their overlap", file=sys.stderr)
            doc_a, doc_b = restricted(doc_a, span), restricted(doc_b, span)
        b_vs_a.append(score_document(doc_a, record_of(doc_b)))
        a_vs_b.append(score_document(doc_b, record_of(doc_a)))
    return EvalReport(b_vs_a, []), EvalReport(a_vs_b, [])


def _fmt(value: float | None) -> str:
    return "   –" if value is None else f"{value:.3f}"


def print_table(title: str, report: EvalReport, details: bool) -> None:
    print(title)
    print(f"  {'document':60} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6} {'actors':>6}"
          f" {'strength':>8} {'kindcov':>7} {'kindacc':>7}")
    rows = [(d.name, d.counts) for d in report.documents] + [("OVERALL", report.overall)]
    for name, c in rows:
        m = c.metrics()
        print(f"  {name[:60]:60} {c.tp:4d} {c.fp:4d} {c.fn:4d} {_fmt(m['precision']):>6} {_fmt(m['recall']):>6}"
              f" {_fmt(m['f1']):>6} {_fmt(m['actor_accuracy']):>6} {_fmt(m['strength_accuracy']):>8}"
              f" {_fmt(m['kind_coverage']):>7} {_fmt(m['kind_accuracy']):>7}")
    if details:
        for d in report.documents:
            for miss in d.misses:
                if miss.category in ("fp", "fn", "actors", "strength", "kind", "undetected"):
                    print(f"    {d.name[:40]} {miss.category:10} {' '.join(miss.text.split())[:90]!r} {miss.reason}")


def as_json(report: EvalReport) -> dict:
    overall = report.overall
    return {"documents": [{"name": d.name, "counts": asdict(d.counts), "metrics": d.counts.metrics()}
                          for d in report.documents],
            "overall": {"counts": asdict(overall), "metrics": overall.metrics()}}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_a", type=Path, help="coder A's folder (the reference)")
    ap.add_argument("gold_b", type=Path, help="coder B's folder (the second coding)")
    ap.add_argument("--format", choices=("table", "json"), default="table")
    ap.add_argument("--details", action="store_true", help="list every disagreement (table only)")
    ap.add_argument("--excerpt-overlap", action="store_true",
                    help="score a document whose two excerpts differ on their overlap instead of refusing it")
    args = ap.parse_args(argv)
    pairs = paired_files(args.gold_a, args.gold_b)
    if not pairs:
        sys.exit("no YAML file name is in both folders")
    b_vs_a, a_vs_b = agreement(pairs, excerpt_overlap=args.excerpt_overlap)
    if args.format == "json":
        print(json.dumps({"b_vs_a": as_json(b_vs_a), "a_vs_b": as_json(a_vs_b)}, indent=1))
        return
    print_table("Coder B as predictions, coder A as gold", b_vs_a, args.details)
    print()
    print_table("Symmetric view: coder A as predictions, coder B as gold", a_vs_b, args.details)


if __name__ == "__main__":
    main()
