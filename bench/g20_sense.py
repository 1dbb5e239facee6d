"""Probe of the G20 Research Group's sense of a commitment on invented sentences.

    python bench/g20_sense.py [bench/g20-sense.yaml] [--show]

Counts the commitment sentences that come out with a commitment, and the position sentences
that (wrongly) do; ``--show`` prints every sentence with the kinds and rules found.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("fixture", nargs="?", default=str(HERE / "g20-sense.yaml"))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    from pledgebook.extract.pipeline import Extractor

    data = yaml.safe_load(Path(args.fixture).read_text(encoding="utf-8"))
    extractor = Extractor()
    for group in ("commitments", "negatives"):
        hits = 0
        for sentence in data[group]:
            found = [(s.kind, s.rule) for s in extractor.extract_text(sentence).statements]
            committed = sum(k == "commitment" for k, _ in found)
            hits += committed > 0
            if args.show:
                mark = "+" if (committed > 0) == (group == "commitments") else "-"
                print(f"{mark} {committed} {' '.join(sentence.split())[:90]!r} {found}")
        print(f"{group}: {hits}/{len(data[group])} with a commitment")


if __name__ == "__main__":
    main()
