"""Everything issue 14's note reports, in one command (docs/scaling.md, docs/limits.md).

    python bench/issue14.py                            # every part, small: minutes on a quiet machine
    python bench/issue14.py --parts scale --all        # Ray vs one process on the whole corpus
    python bench/issue14.py --parts kills,fuzz --kills 5 --fuzz-cases 500 --fuzz-seconds 900

Parts (``--parts``, comma-separated; all by default):
  scale   Ray vs one process (bench/scale.py) on ../shared/corpus/ungdc: a sample of
          ``--sample`` speeches, or ``--all``; documents, words, words/s, words per
          CPU-second per core, and whether the two ledgers are identical
  memory  peak RSS of ``pledgebook ingest`` of a 50 MB text file, a 50 MB file of one line and
          a 1,000-page PDF (made in a temporary directory), against the documented bound;
          ``--memory-full`` also ingests the PDF with the character limit raised (minutes)
  kills   scripts/kill-campaign.sh: ``kill -9`` at random moments of ingest and linking
          (SQLite, PostgreSQL, a re-extraction), each ledger re-run and compared with a clean one
  fuzz    scripts/fuzz.sh: a bounded fuzzing campaign over readers, segmentation and ingest
Each part runs under its own time cap (``--seconds``); the summary prints at the end, and
``--out FILE`` writes every number as JSON. Exit 1 when a part failed or found a difference.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests")]  # bench/scale.py; tests/fuzz/bigfiles.py
PARTS = ("scale", "memory", "kills", "fuzz")
MB = 1024 * 1024
# docs/limits.md: extraction holds the model and code (about 225 MB) plus, in the worst case
# measured, 0.47 KB a character of the document: the bound at a given --max-chars.
BASE_MB, KB_PER_CHAR = 225, 0.47


def memory_bound_mb(max_chars: int) -> float:
    return BASE_MB + KB_PER_CHAR * max_chars / 1000


def part_scale(args: argparse.Namespace) -> dict:
    from scale import UNGDC, compare_engines, sample

    files = sample(args.corpus or UNGDC, None if args.all else args.sample)
    report = compare_engines(files, ["local", "ray"], workers=args.workers, batch=args.batch,
                             pg_server=args.pg_server)
    one, ray = report["engines"]["local"], report["engines"]["ray"]
    report["lines"] = [
        f"{report['documents']} documents, {report['words']:,} words ({'the whole corpus' if args.all else 'a sample'}"
        f"; {'PostgreSQL' if args.pg_server else 'SQLite'}; load {report['load_before'][0]:.1f} at the start)",
        f"one process: {one['words_per_s']:,.0f} words/s, {one['cpu_words_per_s_per_core']:,.0f} words per "
        f"CPU-second per core, ingest {one['ingest_s']:.0f} s, link {one['link_s']:.1f} s",
        f"Ray, {ray['workers']} extractors: {ray['words_per_s']:,.0f} words/s after the extractors are built, "
        f"{ray['cpu_words_per_s_per_core']:,.0f} words per CPU-second per core, ingest {ray['ingest_s']:.0f} s "
        f"(cluster start {ray['cluster_start_s']:.0f} s, extractors {ray['extractor_build_s']:.0f} s), "
        f"link {ray['link_s']:.1f} s",
        f"identical ledgers: {'yes' if report['identical'] else 'NO ' + json.dumps(report['differences'])} "
        f"({', '.join(f'{n} {t}' for t, n in ray['rows'].items())})",
    ]
    report["ok"] = report["identical"]
    return report


# Runs the command and prints its rusage. Linux keeps a process's peak RSS across exec, so a
# child forked from this (large, after the scale part) process would report this one's size:
# the command is started from this small launcher instead.
_LAUNCHER = """
import json, os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(json.dumps({"exit": os.waitstatus_to_exitcode(status), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
                  "cpu_s": round(usage.ru_utime + usage.ru_stime, 1)}))
"""


def _peak_rss(command: list[str], timeout: float) -> dict:
    """Run ``command``; its exit status, peak RSS (MB), CPU seconds and the line it failed with."""
    began = time.monotonic()
    with tempfile.TemporaryFile() as err:
        launcher = subprocess.Popen([sys.executable, "-c", _LAUNCHER, *command], stdout=subprocess.PIPE, stderr=err,
                                    cwd=ROOT, start_new_session=True, text=True)
        try:
            out, _ = launcher.communicate(timeout=timeout)
            measured = json.loads(out.strip().splitlines()[-1])
        except subprocess.TimeoutExpired:
            os.killpg(launcher.pid, signal.SIGKILL)  # the launcher and the command: their own group
            launcher.communicate()
            measured = {"exit": None, "peak_rss_mb": None, "cpu_s": None}
        err.seek(0)
        said = [line for line in err.read().decode(errors="replace").splitlines() if line.strip()]
    return {**measured, "wall_s": round(time.monotonic() - began, 1),
            "said": next((line for line in said if line.startswith(("failed", "error"))), said[-1] if said else "")}


def part_memory(args: argparse.Namespace) -> dict:
    from fuzz.bigfiles import write_one_line, write_pdf, write_text

    from pledgebook.read import DEFAULT_LIMITS

    cases = {}
    with tempfile.TemporaryDirectory(prefix="pledgebook-issue14-") as tmp:
        folder = Path(tmp)
        inputs = {"50 MB text": (write_text(folder / "archive.txt", 50 * MB), []),
                  "50 MB of one line": (write_one_line(folder / "line.txt", 50 * MB), []),
                  "1,000-page PDF": (write_pdf(folder / "book.pdf", 1000), [])}
        if args.memory_full:
            inputs["1,000-page PDF, --max-chars 2000000"] = (folder / "book.pdf", ["--max-chars", "2000000"])
        for name, (path, extra) in inputs.items():
            db = folder / f"ledger-{len(cases)}.db"
            command = [sys.executable, "-m", "pledgebook", "ingest", str(path), "--db", str(db), "--no-link",
                       "--no-progress", *extra]
            cases[name] = {"file_mb": round(path.stat().st_size / MB, 1), **_peak_rss(command, args.seconds)}
            cases[name]["said"] = cases[name]["said"].replace(str(folder) + os.sep, "")
            print(f"memory {name}: {json.dumps(cases[name])}", file=sys.stderr, flush=True)
    bound = memory_bound_mb(DEFAULT_LIMITS.max_chars)
    raised = memory_bound_mb(2_000_000)
    lines = [f"bound (docs/limits.md): {BASE_MB} MB + {KB_PER_CHAR} KB a character of the limit: {bound:,.0f} MB "
             f"at the default --max-chars {DEFAULT_LIMITS.max_chars:,} ({raised:,.0f} MB at 2,000,000)"]
    ok = True
    for name, case in cases.items():
        limit = raised if "2000000" in name else bound
        within = case["peak_rss_mb"] is not None and case["peak_rss_mb"] <= limit
        ok &= within
        lines.append(f"{name} ({case['file_mb']} MB): peak RSS {case['peak_rss_mb'] or 0:,.0f} MB "
                     f"({'within' if within else 'OVER'} the bound), {case['cpu_s']} CPU s, exit {case['exit']}: "
                     f"{case['said']}")
    return {"bound_mb": bound, "cases": cases, "lines": lines, "ok": ok}


def _script(command: list[str], timeout: float) -> tuple[int | None, str]:
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as err:
        out = err.stdout.decode(errors="replace") if isinstance(err.stdout, bytes) else (err.stdout or "")
        return None, out
    return done.returncode, done.stdout + done.stderr


def part_kills(args: argparse.Namespace) -> dict:
    seed = args.seed if args.seed is not None else int(time.time())
    code, out = _script(["bash", "scripts/kill-campaign.sh", str(args.kills), str(seed), "--python", sys.executable],
                        args.seconds)
    # "sqlite: 5 of 6 runs killed (clean run ...), all consistent and identical after a re-run:"
    found = re.findall(r"^(\S+): (\d+) of (\d+) runs killed", out, re.M)
    killed, runs = sum(int(k) for _, k, _ in found), sum(int(n) for _, _, n in found)
    passed = re.search(r"(\d+) passed", out)
    failed = re.search(r"(\d+) failed", out)
    ok = code == 0 and not failed
    status = "timed out" if code is None else ("0 inconsistencies" if ok else "FAILED")
    lines = [f"{runs} ingests, {killed} of them killed with kill -9 at a random moment "
             f"({', '.join(f'{k} of {n} {b}' for b, k, n in found)}), seed {seed}: {status}; every ledger "
             "consistent and identical to a clean run after a re-run" if ok else f"kill campaign {status}"]
    if not ok:
        lines += [line for line in out.splitlines() if line.startswith(("FAILED", "E ", "ERROR"))][:10]
    return {"seed": seed, "runs": runs, "killed": killed, "campaigns": found, "tests_passed": int(passed[1]) if passed
            else 0, "exit": code, "lines": lines, "ok": ok}


def part_fuzz(args: argparse.Namespace) -> dict:
    seed = args.seed if args.seed is not None else int(time.time()) % 100_000_000
    command = ["bash", "scripts/fuzz.sh", "--cases", str(args.fuzz_cases), "--seconds", str(args.fuzz_seconds),
               "--seed", str(seed), "--python", sys.executable]
    code, out = _script(command, args.fuzz_seconds + 120)
    counted = re.search(r"fuzz: (\d+) cases run \((\d+) passing, (\d+) failing\) in (\d+)s", out)
    cases, failing = (int(counted[1]), int(counted[3])) if counted else (0, None)
    ok = code == 0 and failing == 0
    capped = "stopped at the" in out
    lines = [f"{cases:,} hostile inputs (--cases {args.fuzz_cases} a property, seed {seed}"
             f"{', stopped at the time cap' if capped else ''}): {failing} failing, "
             f"{'0 crashes, hangs or broken rows' if ok else 'FAILED'}"]
    if not ok:
        lines += [line for line in out.splitlines() if line.startswith(("fuzz:", "FAILED", "E "))][:10]
    return {"seed": seed, "cases": cases, "failing": failing, "seconds": int(counted[4]) if counted else None,
            "exit": code, "lines": lines, "ok": ok}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--parts", default=",".join(PARTS), help=f"some of {', '.join(PARTS)}")
    parser.add_argument("--sample", type=int, default=24, help="scale: speeches of sessions 77-79 (default 24)")
    parser.add_argument("--all", action="store_true", help="scale: every speech of the corpus")
    parser.add_argument("--corpus", type=Path, help="scale: the corpus's TXT folder (default ../shared/corpus/ungdc)")
    parser.add_argument("--workers", type=int, default=2, help="scale: Ray extractors")
    parser.add_argument("--batch", type=int, default=50, help="scale: documents per ledger transaction on Ray")
    parser.add_argument("--pg-server", help="scale: a PostgreSQL server URL instead of SQLite ledgers")
    parser.add_argument("--memory-full", action="store_true", help="memory: also ingest the PDF, limit raised")
    parser.add_argument("--kills", type=int, default=1, help="kills: CI's kill counts times this (1: 10 kills)")
    parser.add_argument("--fuzz-cases", type=int, default=60, help="fuzz: cases per property")
    parser.add_argument("--fuzz-seconds", type=int, default=600, help="fuzz: time cap of the campaign")
    parser.add_argument("--seed", type=int, help="kills and fuzz: the seed (default: a new one, printed)")
    parser.add_argument("--seconds", type=float, default=3600, help="time cap of each other part's run")
    parser.add_argument("--out", type=Path, help="write every number as JSON here")
    args = parser.parse_args()
    chosen = [p.strip() for p in args.parts.split(",") if p.strip()]
    if unknown := set(chosen) - set(PARTS):
        parser.error(f"unknown part(s) {', '.join(sorted(unknown))}: choose from {', '.join(PARTS)}")

    report: dict = {"started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()), "cores": os.cpu_count(),
                    "load_before": os.getloadavg(), "parts": {}}
    for name in chosen:
        began = time.monotonic()
        print(f"issue14: {name} ...", file=sys.stderr, flush=True)
        result = globals()[f"part_{name}"](args)
        result["elapsed_s"] = round(time.monotonic() - began)
        report["parts"][name] = result
    report["load_after"] = os.getloadavg()
    print(f"issue 14 measurements ({report['started']}, {report['cores']} cores, load "
          f"{report['load_before'][0]:.1f} before, {report['load_after'][0]:.1f} after)")
    for name, result in report["parts"].items():
        print(f"\n{name} ({result['elapsed_s']} s):")
        for line in result["lines"]:
            print(f"  {line}")
    if args.out:
        args.out.write_text(json.dumps(report, indent=2, default=str) + "\n")
    return 0 if all(r["ok"] for r in report["parts"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
