"""Regenerate the benchmark sample lists from the corpus (deterministic: sorted paths,
evenly spaced picks). Usage: python bench/make_samples.py [CORPUS_ROOT]"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
JOINT = re.compile(r"joint-statement|joint-leaders")
PER_SAMPLE = 40


def evenly(items: list[Path], k: int) -> list[Path]:
    return [items[i * len(items) // k] for i in range(k)] if len(items) > k else items


def write(name: str, header: str, paths: list[Path], root: Path) -> None:
    lines = [f"# {line}" for line in header.splitlines()] + [p.relative_to(root).as_posix() for p in paths]
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(root: Path) -> None:
    joint = sorted(p for p in (root / "wh-briefings").rglob("*.md") if JOINT.search(p.name))
    write("sample-joint.txt",
          f"{PER_SAMPLE} White House joint statements: files under wh-briefings/ whose name contains\n"
          "'joint-statement' or 'joint-leaders', sorted by path, evenly spaced picks.\n"
          "Paths are relative to the corpus root. Regenerate: python bench/make_samples.py",
          evenly(joint, PER_SAMPLE), root)
    un: list[Path] = []
    for session in ("Session 78 - 2023", "Session 79 - 2024"):
        un += evenly(sorted((root / "ungdc" / "TXT" / session).glob("*.txt")), PER_SAMPLE // 2)
    write("sample-un.txt",
          f"{PER_SAMPLE} UN General Debate speeches: {PER_SAMPLE // 2} each from sessions 78 (2023) and 79 (2024),\n"
          "sorted by file name, evenly spaced picks.\n"
          "Paths are relative to the corpus root. Regenerate: python bench/make_samples.py",
          un, root)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "corpus")
