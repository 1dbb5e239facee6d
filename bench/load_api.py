"""A bounded load test of ``pledgebook serve`` on loopback (issue 13: p95 < 200 ms for the
ledger query, a document page and a thread page): per endpoint, the requests made, requests
per second and p50 / p95 / max latency, for 1 and for 4 clients at a time; and the ledger
measured (documents, current statements, threads) and the machine's load average.

    python bench/load_api.py --db LEDGER [--requests 100] [--concurrency 1,4] [--max-seconds 30] [--json]
    python bench/load_api.py http://127.0.0.1:8000 [--db LEDGER] ...   # a server already running

With ``--db`` alone it starts ``pledgebook serve`` on a free loopback port for the run and
stops it afterwards. Each endpoint is measured on its own, once per concurrency: at most
``--requests`` requests, at most ``--concurrency`` in flight, cycling through a few ids (the
documents and threads the server lists first: the newest documents, the most repeated
threads), each run stopping early at ``--max-seconds``. ``--target LABEL=PATH`` adds a path.
Only loopback addresses are accepted. Exit 1 if any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

import httpx

LEDGER_QUERY = "/api/statements?kind=commitment&limit=100"
LEDGER_PAGE = "/ledger?kind=commitment"
IDS_PER_TARGET = 10


@dataclass
class Result:
    target: str
    concurrency: int
    paths: int
    requests: int
    failed: int
    seconds: float
    per_second: float
    p50_ms: float
    p95_ms: float
    max_ms: float


def _loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


async def _measure(client: httpx.AsyncClient, label: str, paths: list[str], total: int, concurrency: int,
                   max_seconds: float) -> Result:
    deadline = time.monotonic() + max_seconds
    latencies: list[float] = []
    failed = 0
    counter = iter(range(total))

    async def worker() -> None:
        nonlocal failed
        for n in counter:
            if time.monotonic() > deadline:
                return
            began = time.perf_counter()
            try:
                r = await client.get(paths[n % len(paths)])
                ok = r.status_code == 200
                await r.aread()
            except httpx.HTTPError:
                ok = False
            latencies.append((time.perf_counter() - began) * 1000)
            failed += not ok

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    seconds = time.perf_counter() - began
    timed = latencies or [0.0]
    return Result(label, concurrency, len(paths), len(latencies), failed, round(seconds, 2),
                  round(len(latencies) / seconds, 1), round(statistics.median(timed), 1),
                  round(_percentile(timed, 0.95), 1), round(max(timed), 1))


async def _ready(client: httpx.AsyncClient, wait: float) -> None:
    """Wait for a server that is still starting, up to ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while True:
        try:
            if (await client.get("/api/documents?limit=1")).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"no pledgebook server answers at {client.base_url} (waited {wait:g} s)")
        await asyncio.sleep(0.5)


async def _targets(client: httpx.AsyncClient, extra: list[str]) -> dict[str, list[str]]:
    docs = (await client.get(f"/api/documents?limit={IDS_PER_TARGET}")).json()["items"]
    threads = (await client.get(f"/api/threads?limit={IDS_PER_TARGET}")).json()["items"]
    if not docs or not threads:
        raise SystemExit("the ledger has no documents or no threads to ask for")
    targets = {
        "ledger query": [LEDGER_QUERY],
        "ledger page": [LEDGER_PAGE],
        "document": [f"/api/documents/{d['id']}" for d in docs],
        "document page": [f"/documents/{d['id']}" for d in docs],
        "thread": [f"/api/threads/{t['id']}" for t in threads],
        "thread page": [f"/threads/{t['id']}" for t in threads],
        "thread status": [f"/api/threads/{t['id']}/status" for t in threads],
        "report": ["/api/reports/compliance?by=party"],
        "report page": ["/report"],
    }
    for spec in extra:
        label, _, path = spec.partition("=")
        targets[label] = [path or label]
    return targets


async def run(base: str, requests: int, concurrencies: list[int], max_seconds: float, extra: list[str],
              wait: float = 30) -> list[Result]:
    limits = httpx.Limits(max_connections=max(concurrencies))
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        await _ready(client, wait)
        targets = await _targets(client, extra)
        for paths in targets.values():  # one warm-up request each (first queries, caches)
            await client.get(paths[0])
        return [await _measure(client, label, paths, requests, n, max_seconds)
                for label, paths in targets.items() for n in concurrencies]


def ledger_size(db: str) -> dict[str, int]:
    """Documents, current statements (as reviewed) and threads of the ledger ``db``."""
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from pledgebook.store import open_database
    from pledgebook.store.facets import count_ledger
    from pledgebook.store.models import Document, Thread

    engine = open_database(db, create=False)
    try:
        with Session(engine) as session:
            return {"documents": session.scalar(select(func.count(Document.id))) or 0,
                    "statements": count_ledger(session), "threads": session.scalar(select(func.count(Thread.id))) or 0}
    finally:
        engine.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db: str) -> Iterator[str]:
    """``pledgebook serve --db DB`` on a free loopback port, stopped on leaving."""
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "pledgebook", "serve", "--db", db, "--host", "127.0.0.1",
                               "--port", str(port)], stdout=subprocess.DEVNULL)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _print(results: list[Result], ledger: dict[str, int] | None, load: tuple[list[float], list[float]]) -> None:
    if ledger:
        print(f"ledger: {ledger['documents']:,} documents, {ledger['statements']:,} current statements, "
              f"{ledger['threads']:,} threads")
    print(f"load average (1, 5, 15 min): before {' '.join(f'{x:.2f}' for x in load[0])}, "
          f"after {' '.join(f'{x:.2f}' for x in load[1])} ({os.cpu_count()} cores)")
    print(f"{'endpoint':14} {'clients':>7} {'requests':>8} {'failed':>6} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'max ms':>8}")
    for r in results:
        print(f"{r.target:14} {r.concurrency:>7} {r.requests:>8} {r.failed:>6} {r.per_second:>7} {r.p50_ms:>8} "
              f"{r.p95_ms:>8} {r.max_ms:>8}")


def _concurrencies(value: str) -> list[int]:
    try:
        out = [int(v) for v in value.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: comma-separated numbers, e.g. 1,4") from None
    if not out or not all(1 <= n <= 64 for n in out):
        raise argparse.ArgumentTypeError("each concurrency is 1..64")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", nargs="?", help="A running server, e.g. http://127.0.0.1:8000 (loopback only); "
                                                "without it, --db is served for the run.")
    parser.add_argument("--db", help="The ledger (URL or SQLite path): served for the run when no server is given; "
                                     "its size is reported.")
    parser.add_argument("--requests", type=int, default=100, help="Requests per endpoint and concurrency (default 100).")
    parser.add_argument("--concurrency", type=_concurrencies, default=[1, 4],
                        help="Clients at a time, each measured on its own (default 1,4).")
    parser.add_argument("--max-seconds", type=float, default=30, help="Stop each measurement after this long (default 30).")
    parser.add_argument("--target", action="append", default=[], metavar="LABEL=PATH", help="Another path to measure.")
    parser.add_argument("--wait", type=float, default=60, help="Wait this long for a server still starting.")
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    args = parser.parse_args()
    if args.base is None and args.db is None:
        parser.error("give a running server's address, or --db LEDGER to serve for the run")
    if args.base is not None and not _loopback(args.base):
        parser.error("only a server on loopback (127.0.0.0/8, localhost, ::1) may be load-tested")
    if not (1 <= args.requests <= 100_000 and 0 < args.max_seconds <= 3600):
        parser.error("--requests 1..100000, --max-seconds up to 3600")
    ledger = ledger_size(args.db) if args.db else None
    before = list(os.getloadavg())
    with contextlib.nullcontext(args.base) if args.base else serving(args.db) as base:
        results = asyncio.run(run(base.rstrip("/"), args.requests, args.concurrency, args.max_seconds, args.target,
                                  min(args.wait, 600)))
    load = (before, list(os.getloadavg()))
    if args.json:
        print(json.dumps({"ledger": ledger, "load_average": {"before": load[0], "after": load[1]},
                          "results": [asdict(r) for r in results]}, indent=2))
    else:
        _print(results, ledger, load)
    sys.exit(1 if any(r.failed for r in results) else 0)


if __name__ == "__main__":
    main()
