"""Ingest a sample of UN General Debate speeches on one process and on a local Ray cluster,
and compare speed and the ledgers (docs/scaling.md).

    python bench/scale.py [--sample 120 | --all] [--workers 2] [--engines local,ray] [--out scale.json]

The sample is every k-th speech of sessions 77-79 (2022-2024) in file-name order; ``--all``
takes every speech of the corpus. China and Pakistan are left out (they stay out of every
dev set). bench/issue14.py runs this with the other measurements issue 14's note needs. Each engine ingests into its own fresh
SQLite ledger; linking is timed apart. Both wall-clock and CPU seconds are reported: the
machine may be shared, and CPU seconds per word is the number a projection can stand on.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNGDC = ROOT.parent / "shared" / "corpus" / "ungdc" / "TXT"
SESSIONS = ("Session 77 - 2022", "Session 78 - 2023", "Session 79 - 2024")
LEFT_OUT = ("CHN_", "PAK_")


def sample(corpus: Path, size: int | None) -> list[str]:
    """Every k-th speech of ``SESSIONS``, ``size`` of them; every speech of the corpus when None."""
    folders = [corpus / s for s in SESSIONS] if size is not None else sorted(corpus.iterdir())
    files = sorted(p for folder in folders for p in folder.glob("*.txt") if not p.name.startswith(LEFT_OUT))
    if size is None:
        return [str(p) for p in files]
    step = max(1, len(files) // size)
    return [str(p) for p in files[::step][:size]]


def words(files: list[str]) -> int:
    return sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)


def run_local(engine, files: list[str]) -> dict:  # type: ignore[no-untyped-def]
    import pledgebook.store.batch as batch
    from pledgebook.extract.pipeline import shared_extractor

    built = time.perf_counter()
    shared_extractor(True, None)  # built before the clock starts, as Ray's actors are timed apart
    build = time.perf_counter() - built
    store, written = batch.ingest_record, [0.0]

    def timed_store(*args, **kwargs):  # type: ignore[no-untyped-def]  # one transaction per document
        begun = time.perf_counter()
        try:
            return store(*args, **kwargs)
        finally:
            written[0] += time.perf_counter() - begun

    batch.ingest_record = timed_store
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        summary = batch.ingest_paths(engine, files)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        batch.ingest_record = store
    return {"workers": 1, "extractor_build_s": build, "ingest_s": wall, "extract_cpu_s": cpu,
            "ledger_write_s": written[0], "summary": _counts(summary)}


def run_ray(engine, files: list[str], workers: int, batch: int) -> dict:  # type: ignore[no-untyped-def]
    import pledgebook.scale.ray_engine as ray_engine

    started = time.perf_counter()
    ray_engine.start_local_cluster(cpus=workers)
    import ray

    cluster = time.perf_counter() - started
    actors: list = []
    timings: dict[str, float] = {}
    original = ray_engine.start_extractors

    def timed_start(*args, **kwargs):  # type: ignore[no-untyped-def]
        begun = time.perf_counter()
        actors.extend(original(*args, **kwargs))  # kept here: alive until their CPU time is read
        timings["build"] = time.perf_counter() - begun
        return actors

    write = ray_engine.LedgerBatch.write
    timings["write"] = 0.0

    def timed_write(self):  # type: ignore[no-untyped-def]
        begun = time.perf_counter()
        write(self)
        timings["write"] += time.perf_counter() - begun

    ray_engine.start_extractors = timed_start
    ray_engine.LedgerBatch.write = timed_write
    try:
        wall, driver = time.perf_counter(), time.process_time()
        summary = ray_engine.ingest_on_ray(engine, files, options=ray_engine.RayOptions(batch=batch))
        elapsed, driver = time.perf_counter() - wall, time.process_time() - driver
        busy = sum(ray.get([a.busy_seconds.remote() for a in actors]))
    finally:
        ray_engine.start_extractors = original
        ray_engine.LedgerBatch.write = write
        ray.shutdown()
    return {"workers": len(actors), "cluster_start_s": cluster, "extractor_build_s": timings["build"],
            "ingest_s": elapsed, "ingest_after_build_s": elapsed - timings["build"], "extract_cpu_s": busy,
            "driver_cpu_s": driver, "ledger_write_s": timings["write"], "summary": _counts(summary)}


def _admin(server: str, *statements: str) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    admin = create_engine(make_url(server).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for statement in statements:
            conn.exec_driver_sql(statement)
    admin.dispose()


def fresh_database(server: str, name: str) -> str:
    """An empty database ``pledgebook_scale_<name>`` on the PostgreSQL ``server``."""
    from sqlalchemy.engine import make_url

    drop_database(server, name)
    _admin(server, f'CREATE DATABASE "pledgebook_scale_{name}"')
    return make_url(server).set(database=f"pledgebook_scale_{name}").render_as_string(hide_password=False)


def drop_database(server: str, name: str) -> None:
    _admin(server, f'DROP DATABASE IF EXISTS "pledgebook_scale_{name}" WITH (FORCE)')


def _counts(summary) -> dict:  # type: ignore[no-untyped-def]
    return {"new": summary.new, "unchanged": summary.unchanged, "failed": len(summary.failed)}


def compare_engines(files: list[str], engines: list[str], *, workers: int = 2, batch: int = 50,
                    pg_server: str | None = None) -> dict:
    """Ingest ``files`` with each engine into a fresh ledger (SQLite, or a database on
    ``pg_server``), link, and compare the ledgers: the report ``main`` prints."""
    from pledgebook.link import link_new_statements
    from pledgebook.scale.compare import differences, ledger_fingerprint
    from pledgebook.store import open_database

    report: dict = {"documents": len(files), "words": words(files), "cores": os.cpu_count(),
                    "load_before": os.getloadavg(), "engines": {}}
    prints = {}
    with tempfile.TemporaryDirectory(prefix="pledgebook-scale-") as tmp:
        for name in engines:
            engine = open_database(fresh_database(pg_server, name) if pg_server else f"sqlite:///{tmp}/{name}.db")
            result = run_local(engine, files) if name == "local" else run_ray(engine, files, workers, batch)
            linked = time.perf_counter()
            link_new_statements(engine)
            result["link_s"] = time.perf_counter() - linked
            result["words_per_s"] = report["words"] / result.get("ingest_after_build_s", result["ingest_s"])
            result["cpu_words_per_s_per_core"] = report["words"] / result["extract_cpu_s"]
            result["load_after"] = os.getloadavg()
            prints[name] = ledger_fingerprint(engine)
            result["rows"] = {table: len(rows) for table, rows in prints[name].items()}
            engine.dispose()
            if pg_server:
                drop_database(pg_server, name)
            report["engines"][name] = result
            print(name, json.dumps(result), file=sys.stderr, flush=True)
    names = list(prints)
    report["identical"] = all(differences(prints[names[0]], prints[n]) == {} for n in names[1:])
    report["differences"] = {n: differences(prints[names[0]], prints[n]) for n in names[1:]}
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=UNGDC)
    parser.add_argument("--sample", type=int, default=120)
    parser.add_argument("--all", action="store_true", help="every speech of the corpus, not a sample")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--pg-server", help="a PostgreSQL server URL: each engine gets a fresh database there")
    args = parser.parse_args()

    files = sample(args.corpus, None if args.all else args.sample)
    report = compare_engines(files, args.engines.split(","), workers=args.workers, batch=args.batch,
                             pg_server=args.pg_server)
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n")
    print(text)
    return 0 if report["identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
