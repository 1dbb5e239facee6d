"""Snapshot the extraction records of a document sample, and compare two snapshots.

A refactor of the extractor must not change what it extracts unless a commit names the rule
it changed. This tool makes that checkable:

    python bench/snapshot.py take OUT.jsonl [--sample bench/sample-100.txt] [--corpus DIR]
    python bench/snapshot.py compare OLD.jsonl NEW.jsonl [--ignore rationale,rule,...]

``take`` extracts every file of the sample (paths relative to the corpus root, ``#`` lines
are comments) and writes one record per line. ``compare`` matches statements by document
and span and prints what differs, field by field; exit code 1 when anything does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def _sample(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]


def take(out: Path, sample: Path, corpus: Path) -> None:
    from pledgebook.extract.pipeline import extract_paths

    files = [str(corpus / rel) if not Path(rel).is_absolute() else rel for rel in _sample(sample)]
    with out.open("w", encoding="utf-8") as fh:
        for path, result in extract_paths(files, jobs=2):
            rel = str(Path(path).relative_to(corpus)) if path.startswith(str(corpus)) else path
            if isinstance(result, Exception):
                fh.write(json.dumps({"file": rel, "error": str(result)}) + "\n")
                continue
            fh.write(json.dumps({"file": rel, "record": result.model_dump(mode="json")}, ensure_ascii=False) + "\n")
    print(f"{len(files)} documents -> {out}")


def _load(path: Path) -> dict[str, dict]:
    return {row["file"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def compare(old: Path, new: Path, ignore: set[str], show: int) -> int:
    a, b = _load(old), _load(new)
    changes: Counter[str] = Counter()
    shown = 0
    for name in sorted(set(a) | set(b)):
        ra, rb = a.get(name, {}).get("record"), b.get(name, {}).get("record")
        if ra is None or rb is None:
            changes["document missing or unreadable"] += 1
            continue
        for key in set(ra["document"]) | set(rb["document"]):
            if key not in ignore and ra["document"].get(key) != rb["document"].get(key):
                changes[f"document.{key}"] += 1
        sa = {(s["start"], s["end"]): s for s in ra["statements"]}
        sb = {(s["start"], s["end"]): s for s in rb["statements"]}
        for span in sorted(set(sa) | set(sb)):
            x, y = sa.get(span), sb.get(span)
            if x is None or y is None:
                label = "statement added" if x is None else "statement removed"
                changes[label] += 1
                if shown < show:
                    st = y or x
                    print(f"{label}: {name} [{span[0]}:{span[1]}] {st['kind']} {st['text'][:90]!r}")
                    shown += 1
                continue
            for key in set(x) | set(y):
                if key not in ignore and x.get(key) != y.get(key):
                    changes[f"statement.{key}"] += 1
                    if shown < show:
                        print(f"{key}: {name} [{span[0]}:{span[1]}] {x.get(key)!r} -> {y.get(key)!r}"[:300])
                        shown += 1
    total = sum(len(r.get("record", {}).get("statements", [])) for r in a.values() if r.get("record"))
    print(f"{len(a)} documents, {total} statements in {old.name}")
    for what, n in changes.most_common():
        print(f"  {n:6d}  {what}")
    if not changes:
        print("identical")
    return 1 if changes else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("take")
    t.add_argument("out", type=Path)
    t.add_argument("--sample", type=Path, default=ROOT / "bench" / "sample-100.txt")
    t.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    c.add_argument("--ignore", default="", help="comma-separated fields to ignore (e.g. rationale,rule)")
    c.add_argument("--show", type=int, default=20, help="print this many differences")
    args = parser.parse_args()
    if args.cmd == "take":
        take(args.out, args.sample, args.corpus)
    else:
        sys.exit(compare(args.old, args.new, {f for f in args.ignore.split(",") if f}, args.show))


if __name__ == "__main__":
    main()
