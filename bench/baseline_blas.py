"""spaCy's full pipeline (the bench baseline) on its shipped matrix library and on ours.

`pledgebook bench` compares our extraction with en_core_web_sm as shipped, whose matrix products
run on BLIS; our pipeline runs them on numpy's OpenBLAS, one thread (pledgebook/extract/blas.py).
This script times the baseline both ways on the same texts, interleaved, so a reader can tell how
much of the bench ratio is the faster library and how much is work we do not do:

    python bench/baseline_blas.py --sample un [--repeat 3] [--corpus DIR] [--format json]

ratio like for like = (ours CPU s from `pledgebook bench`) vs the "openblas" line printed here.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pledgebook.evaluate.bench import body, corpus_root, sample_paths  # noqa: E402
from pledgebook.extract.blas import fast_ops  # noqa: E402
from pledgebook.extract.nlp import MODEL_PACKAGES, _building_with  # noqa: E402
from pledgebook.read import read_document  # noqa: E402


def _full_pipeline(ops):
    """en_core_web_sm with every component, its layers built on ``ops`` (None: as shipped)."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        with _building_with(ops):
            return module.load()
    raise SystemExit("no spaCy English pipeline installed (pip install -r requirements/model.txt)")


def _cpu_seconds(nlp, texts: list[str]) -> float:
    start = time.process_time()
    for _doc in nlp.pipe(texts):
        pass
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", choices=("joint", "un", "all"), default="un")
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)
    ops = fast_ops()
    if ops is None:
        raise SystemExit("numpy's BLAS here is no OpenBLAS this process can set: nothing to compare")
    texts = [body(read_document(p)) for p in sample_paths(args.sample, corpus_root(args.corpus))]
    pipelines = {"shipped": _full_pipeline(None), "openblas": _full_pipeline(ops)}
    for nlp in pipelines.values():
        list(nlp.pipe(texts[:1]))  # warm up outside the timings
    runs: dict[str, list[float]] = {name: [] for name in pipelines}
    for _ in range(args.repeat):  # interleaved, so both see the same machine load
        for name, nlp in pipelines.items():
            runs[name].append(_cpu_seconds(nlp, texts))
    best = {name: min(times) for name, times in runs.items()}
    if args.format == "json":
        print(json.dumps({"sample": args.sample, "documents": len(texts), "cpu_seconds": runs, "best": best}))
    else:
        for name, times in runs.items():
            print(f"{name:9} best {best[name]:6.2f} CPU s  runs {', '.join(f'{t:.2f}' for t in times)}")
        print(f"the shipped baseline takes {best['shipped'] / best['openblas']:.2f}x the CPU time of the same "
              f"pipeline on OpenBLAS ({len(texts)} documents, sample {args.sample})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
