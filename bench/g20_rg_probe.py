"""Probe on real G20 Research Group commitment sentences: what share yields a commitment.

    python bench/g20_rg_probe.py [bench/g20-rg-dev.yaml] [--show]

Each sentence of the fixture is one commitment as the Research Group's list quotes it, with the
Group's square brackets dropped and its issue-area tag, e.g. "(Macro)", cut off. The probe
prints the share that yields a commitment, the share that yields positions only, other kinds
only, and nothing at all, as the external test of issue 11 counts them.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
_TAG = re.compile(r"\s*\((?:[A-Z][\w -]*|[a-z][\w -]*)\)\s*$")  # the Group's issue-area tag


def probe_sentence(rg_text: str) -> str:
    """The Research Group's quotation as a sentence: brackets dropped, issue tag cut."""
    text = rg_text.replace("[", "").replace("]", " ")
    text = _TAG.sub("", text)
    return " ".join(text.split())


def outcome(kinds: list[str]) -> str:
    if "commitment" in kinds:
        return "commitment"
    if "position" in kinds:
        return "position"
    return "other" if kinds else "nothing"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("fixture", nargs="?", default=str(HERE / "g20-rg-dev.yaml"))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    from pledgebook.extract.pipeline import Extractor

    data = yaml.safe_load(Path(args.fixture).read_text(encoding="utf-8"))
    extractor = Extractor()
    counts: Counter[str] = Counter()
    for item in data["commitments"]:
        sentence = probe_sentence(item["rg_text"])
        found = [(s.kind, s.rule) for s in extractor.extract_text(sentence).statements]
        result = outcome([k for k, _ in found])
        counts[result] += 1
        if args.show:
            print(f"{result:10} {item['source']}#{item['n']} {sentence[:90]!r} {found}")
    total = sum(counts.values())
    shares = ", ".join(f"{k} {counts[k]}/{total} ({counts[k] / total:.0%})"
                       for k in ("commitment", "position", "other", "nothing"))
    print(f"Research Group sentences: {shares}")


if __name__ == "__main__":
    main()
