"""Dump the statements (start, end, kind) an OLD checkout of the extractor predicts on dev gold
documents: run with PYTHONPATH=<old worktree> python scripts/backstop_dump_old.py STEM,STEM,... OUT.json
(the pseudo-blind test of scripts/backstop_pseudoblind.py)."""
import json, sys, yaml
from pathlib import Path
from pledgebook.extract.pipeline import Extractor
from pledgebook.read import read_document
stems, out = sys.argv[1].split(","), sys.argv[2]
GOLD = str(Path(__file__).resolve().parent.parent / "gold")  # the current gold: its texts and YAMLs
ex = Extractor()
res = {}
for stem in stems:
    y = yaml.safe_load(open(f"{GOLD}/{stem}.yaml"))
    path = Path(GOLD) / y["document"]
    rec = ex.extract(read_document(str(path)))
    res[stem] = [(s.start, s.end, s.kind if isinstance(s.kind, str) else s.kind.value) for s in rec.statements]
    print(stem, len(res[stem]), file=sys.stderr, flush=True)
json.dump(res, open(out, "w"))
