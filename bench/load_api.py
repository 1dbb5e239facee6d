"""A bounded load test of a running ``pledgebook serve`` on loopback: requests per second and
latency percentiles for the ledger query, a document and a thread (issue 13: p95 < 200 ms), each
through the API and as a web page, and for a thread's status and the compliance report.

    pledgebook serve --db LEDGER --port 8000 &
    python bench/load_api.py http://127.0.0.1:8000 [--requests 300] [--concurrency 4] [--max-seconds 120]
                             [--target LABEL=PATH ...] [--wait 30] [--json]

Each target is measured on its own, one after the other: ``--requests`` requests, at most
``--concurrency`` at a time, cycling through a few ids (the documents and threads the server
lists first), each stopping early at ``--max-seconds``. Only loopback addresses are accepted.
``--target`` adds a path (a web page, say) to measure the same way. Exit 1 if any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

import httpx

LEDGER_QUERY = "/api/statements?kind=commitment&limit=100"
LEDGER_PAGE = "/ledger?kind=commitment"
IDS_PER_TARGET = 10


@dataclass
class Result:
    target: str
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
    return Result(label, len(paths), len(latencies), failed, round(seconds, 2), round(len(latencies) / seconds, 1),
                  round(statistics.median(timed), 1), round(_percentile(timed, 0.95), 1), round(max(timed), 1))


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


async def run(base: str, requests: int, concurrency: int, max_seconds: float, extra: list[str],
              wait: float = 30) -> list[Result]:
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        await _ready(client, wait)
        targets = await _targets(client, extra)
        for paths in targets.values():  # one warm-up request each (first queries, caches)
            await client.get(paths[0])
        return [await _measure(client, label, paths, requests, concurrency, max_seconds)
                for label, paths in targets.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="The server, e.g. http://127.0.0.1:8000 (loopback only).")
    parser.add_argument("--requests", type=int, default=300, help="Requests per target (default 300).")
    parser.add_argument("--concurrency", type=int, default=4, help="Requests in flight at once (default 4).")
    parser.add_argument("--max-seconds", type=float, default=120, help="Stop each target after this long.")
    parser.add_argument("--target", action="append", default=[], metavar="LABEL=PATH", help="Another path to measure.")
    parser.add_argument("--wait", type=float, default=30, help="Wait this long for a server still starting.")
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    args = parser.parse_args()
    if not _loopback(args.base):
        parser.error("only a server on loopback (127.0.0.0/8, localhost, ::1) may be load-tested")
    if not (1 <= args.requests <= 100_000 and 1 <= args.concurrency <= 64 and 0 < args.max_seconds <= 3600):
        parser.error("--requests 1..100000, --concurrency 1..64, --max-seconds up to 3600")
    results = asyncio.run(run(args.base.rstrip("/"), args.requests, args.concurrency, args.max_seconds, args.target,
                              min(args.wait, 600)))
    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
    else:
        print(f"{'target':14} {'paths':>5} {'requests':>8} {'failed':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
        for r in results:
            print(f"{r.target:14} {r.paths:>5} {r.requests:>8} {r.failed:>6} {r.per_second:>7} {r.p50_ms:>7} "
                  f"{r.p95_ms:>7} {r.max_ms:>7}")
    sys.exit(1 if any(r.failed for r in results) else 0)


if __name__ == "__main__":
    main()
