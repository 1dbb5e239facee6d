"""Where extraction's CPU time goes: CPU seconds (``time.process_time``) by phase over a bench
sample, nested phases subtracted (a phase's own time), spaCy's components one by one.

    python bench/profile_extract.py --sample joint [--corpus DIR] [--format json]

Phases are timed by wrapping the functions (and spaCy components' ``pipe``) that the pipeline
calls; the wrapping costs a little, so the total is somewhat above `pledgebook bench`'s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

if __name__ == "__main__" and "--code" in sys.argv:  # profile another checkout's package
    sys.path.insert(0, sys.argv[sys.argv.index("--code") + 1])
sys.path.insert(1 if "--code" in sys.argv else 0, str(Path(__file__).resolve().parents[1]))

from pledgebook.evaluate.bench import corpus_root, sample_paths  # noqa: E402

TOTALS: dict[str, float] = defaultdict(float)
_STACK: list[list[float]] = []  # [start, nested time] of each open phase


def _enter() -> None:
    _STACK.append([time.process_time(), 0.0])


def _leave(name: str) -> None:
    start, nested = _STACK.pop()
    elapsed = time.process_time() - start
    TOTALS[name] += elapsed - nested
    if _STACK:
        _STACK[-1][1] += elapsed


def timed(name: str, fn):
    def wrapper(*args, **kwargs):
        _enter()
        try:
            return fn(*args, **kwargs)
        finally:
            _leave(name)
    return wrapper


def timed_iter(name: str, iterator):
    """Each ``next`` on ``iterator`` counts to ``name`` (minus what upstream phases take)."""
    iterator = iter(iterator)
    while True:
        _enter()
        try:
            item = next(iterator)
        except StopIteration:
            _leave(name)
            return
        _leave(name)
        yield item


def patch(owner, attr: str, name: str) -> None:
    setattr(owner, attr, timed(name, getattr(owner, attr)))


def instrument(ex) -> None:
    """Wrap the pipeline's phases (module-level names the pipeline imported) and spaCy's components."""
    from pledgebook.extract import discourse, pipeline

    for attr, name in [("segment", "segmentation"), ("infer_metadata", "metadata"), ("PeopleMap", "people"),
                       ("split_units", "units"), ("participle_pieces", "units"), ("find_statements", "rules"),
                       ("continued", "rules"), ("acting_parties", "parties"), ("_record", "record"),
                       ("find_when", "when"), ("queue_named", "ner queue"), ("add_enumerated_items", "rules"),
                       ("redraft", "rules"), ("lead_in", "rules")]:
        patch(pipeline, attr, name)
    discourse.DISCOURSE_STEPS = tuple((n, timed(f"step {n}", f)) for n, f in discourse.DISCOURSE_STEPS)
    pipeline.DISCOURSE_STEPS = discourse.DISCOURSE_STEPS
    patch(ex.prefilter, "search", "prefilter")
    patch(ex.entities, "analyse", "entity analysis")
    patch(ex.mentions, "names_in", "entity mentions")
    patch(ex.sectors, "classify", "sectors")
    parser = getattr(ex, "parser", None)  # None before SentenceParser (to profile older code)
    patch(parser or ex, "tokenizer", "spacy tokenizer")
    if parser is not None and parser.attributes is not None:
        attributes, pipe = ex.parser.attributes, ex.parser.attributes.pipe
        attributes.pipe = lambda docs: timed_iter("token attributes (ruler+lemmas)", pipe(docs))
    if getattr(parser, "parser", None) is not None:  # the parser decoded in numpy (parse_decode.py)
        parser.parser = _Timed("spacy parser", parser.parser)
    ex._parse = timed("spacy pipe overhead", ex._parse)  # (a document's candidates at once)
    nlp = ex.nlp
    nlp._components = [(n, _Timed(f"spacy {n}", proc)) for n, proc in nlp._components]
    if ex.ner is not None:
        ex.ner = _Timed("spacy ner", ex.ner)


class _Timed:
    """A spaCy component whose ``pipe`` and ``__call__`` count to a phase."""

    def __init__(self, label: str, proc) -> None:
        self._label, self._proc = label, proc

    def __getattr__(self, attr):
        return getattr(self._proc, attr)

    def __call__(self, doc):
        return timed(self._label, self._proc)(doc)

    def pipe(self, docs, **kwargs):
        inner = self._proc.pipe(docs, **kwargs) if hasattr(self._proc, "pipe") else map(self._proc, docs)
        return timed_iter(self._label, inner)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", default="joint")
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--format", choices=("text", "json"), default="text")
    ap.add_argument("--code", type=Path, default=None, help="a checkout whose pledgebook to profile (default: this one)")
    args = ap.parse_args()
    from pledgebook.extract.pipeline import shared_extractor
    from pledgebook.read import read_document

    paths = sample_paths(args.sample, corpus_root(args.corpus))
    raws = [read_document(p, source=str(p)) for p in paths]
    ex = shared_extractor()
    ex.extract(raws[0])  # warm up (lazy tables, caches) outside the timing
    instrument(ex)
    start = time.process_time()
    _enter()
    for raw in raws:
        ex.extract(raw)
    _leave("other")
    total = time.process_time() - start
    rows = sorted(TOTALS.items(), key=lambda kv: -kv[1])
    if args.format == "json":
        print(json.dumps({"sample": args.sample, "cpu_seconds": total, "phases": dict(rows)}, indent=1))
        return
    print(f"{args.sample}: {len(raws)} documents, {total:.2f} CPU s")
    for name, sec in rows:
        print(f"  {name:28s} {sec:7.2f}  {100 * sec / total:5.1f}%")


if __name__ == "__main__":
    main()
