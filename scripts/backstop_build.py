"""Build the sentence dataset of the backstop experiment: one JSON line per sentence."""
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

from backstop_data import document_rows
from pledgebook.evaluate.gold import load_gold_dir
from pledgebook.extract.pipeline import Extractor

def main(directory: str, out: str, limit: int | None = None) -> None:
    docs, errors = load_gold_dir(directory)
    for e in errors:
        print("gold error:", e, file=sys.stderr)
    ex = Extractor()
    t0 = time.time()
    with open(out, "w") as fh:
        for i, d in enumerate(docs[:limit]):
            for row in document_rows(d, ex):
                fh.write(json.dumps(asdict(row)) + "\n")
            print(i, d.path.stem, round(time.time() - t0), file=sys.stderr, flush=True)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else None)
