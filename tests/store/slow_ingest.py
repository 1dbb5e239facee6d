"""Subprocess helper for the kill test: ingest ``numbered(0..n-1)`` hand-made records into
the ledger at URL, pausing *inside* each later document's transaction (after its rows have reached
the database) so the test can SIGKILL it mid-document.

    python slow_ingest.py URL N PAUSE_SECONDS

Prints "inside I" when document I's rows are flushed but not committed, and "<outcome> I"
after each commit. Stands in for `pledgebook ingest` until the extractor is available.
"""

from __future__ import annotations

import sys
import time

import pledgebook.store.ingest as ingest_module
from pledgebook.store import ingest_record, open_database
from recordkit import CODEBOOK, EXTRACTOR, numbered


def main(url: str, n: int, pause: float) -> None:
    engine = open_database(url)
    real_add = ingest_module.add_statements
    current = {"i": -1}

    def add_and_pause(session, run, doc, statements, keys):  # type: ignore[no-untyped-def]
        real_add(session, run, doc, statements, keys)
        session.flush()
        print(f"inside {current['i']}", flush=True)
        if current["i"] > 0:  # let the first document commit promptly
            time.sleep(pause)

    ingest_module.add_statements = add_and_pause
    for i in range(n):
        current["i"] = i
        record, text = numbered(i)
        result = ingest_record(engine, record, text, extractor_version=EXTRACTOR, codebook_version=CODEBOOK)
        print(f"{result.outcome.value} {i}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))
