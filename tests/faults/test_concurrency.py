"""Several writers on one PostgreSQL ledger at once, as real processes: two ingests of
overlapping document sets, a `pledgebook link`, and the web server answering analysts'
merge and split requests meanwhile. Nothing may be lost or duplicated: every document and
statement once (as a clean run stores them), one current run each, every statement a clean
run threads in a thread, each statement's membership log one unbroken chain, and the
analysts' decisions in force at the end. The guards are the database's: unique constraints
(content hash, one current run per document, embeddings' key) and transaction-level advisory
locks around every membership writer, never an in-process lock."""

from __future__ import annotations

import json
import random
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from conftest import CleanRun
from ledgerstate import consistency_errors, ledger_state
from runner import DOCS, ingest, kill_and_reap, pledgebook, run, start, stored_documents, wait_for
from sqlalchemy import text

from pledgebook.store import open_database

TOKEN = "faults-test-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(base: str, path: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(f"{base}/api{path}", data=json.dumps(body).encode(), method="POST",
                                     headers={"content-type": "application/json", "authorization": f"Bearer {TOKEN}"})
    try:
        with urllib.request.urlopen(request, timeout=600) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as err:
        return err.code, json.load(err)


def wait_until_serving(base: str, server) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()
        try:
            with urllib.request.urlopen(f"{base}/api/threads?limit=1", timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


def threads_of(engine) -> dict[int, list[str]]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT thread_id, statement_key FROM thread_members ORDER BY thread_id, statement_key"))
        out: dict[int, list[str]] = {}
        for tid, key in rows:
            out.setdefault(tid, []).append(key)
    return out


def thread_of(engine, key: str) -> int | None:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(text("SELECT thread_id FROM thread_members WHERE statement_key = :k"), {"k": key}).scalar()


def test_parallel_ingests_link_and_web_writes(docs: Path, clean_postgres: CleanRun,
                                              pg_databases: Callable[[], str], tmp_path: Path) -> None:
    url = pg_databases()
    head = [str(docs / p.name) for p in DOCS[:4]]
    first = run(ingest(url, *head[:1]) + head[1:])
    assert first.returncode == 0, first.stderr
    engine = open_database(url)
    before = threads_of(engine)
    assert len(before) >= 4, before
    t1, t2, t3, t4 = sorted(before)[:4]

    token = tmp_path / "token"
    token.write_text(TOKEN)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start(pledgebook("serve", "--db", url, "--port", str(port), "--token-file", str(token)))
    try:
        wait_until_serving(base, server)
        tail = [str(docs / p.name) for p in DOCS[4:]]
        writers = [
            start(ingest(url, docs)),  # every document
            start(ingest(url, *tail[:1]) + tail[1:] + head[:2]),  # half of them again, at the same time
            start(pledgebook("link", "--db", url)),
        ]
        # the merges while the ingests store documents, the split while they finish and link
        wait_for(writers[0], lambda: stored_documents(url) > len(head))
        merged_one = post(base, f"/threads/{t1}/merge", {"other": t2, "author": "faults"})
        merged_two = post(base, f"/threads/{t3}/merge", {"other": t4, "author": "faults"})
        wait_for(writers[0], lambda: stored_documents(url) == len(DOCS))
        time.sleep(random.Random(14).uniform(0, 1.0))
        leaving = before[t4][0]
        split = post(base, f"/threads/{thread_of(engine, leaving)}/split", {"statement": leaving, "author": "faults"})
        ended = [kill_and_reap(p) if p.wait(timeout=900) is not None else None for p in writers]
    finally:
        kill_and_reap(server)
    assert merged_one[0] == 200 and merged_two[0] == 200 and split[0] == 200, (merged_one, merged_two, split)
    for result in ended:
        assert result is not None and result.returncode == 0, result and result.stderr

    try:
        assert consistency_errors(engine, settled=True) == []
        state = ledger_state(engine)
        assert state.documents == clean_postgres.state.documents
        assert state.statements == clean_postgres.state.statements
        assert state.runs == len(DOCS)  # one run per document: no duplicate extraction
        threaded = set().union(*state.threads)
        assert threaded == set().union(*clean_postgres.state.threads)  # nobody's statement lost its thread
        together = {thread_of(engine, key) for key in before[t1] + before[t2]}
        assert len(together) == 1, "the first merge did not hold"
        assert thread_of(engine, leaving) not in {thread_of(engine, key) for key in before[t3]}, "the split did not hold"
        with engine.connect() as conn:
            assert conn.execute(text(
                "SELECT count(*) FROM (SELECT statement_a, statement_b, decision, count(*) AS n "
                "FROM thread_overrides GROUP BY statement_a, statement_b, decision) d WHERE n > 1")).scalar() == 0
    finally:
        engine.dispose()
    said = [r.stderr.strip().splitlines() for r in ended if r is not None]
    print(f"\nparallel: 2 ingests + link + 2 merges and a split over HTTP on one PostgreSQL ledger: "
          f"{len(state.documents)} documents, {len(state.statements)} statements, {len(state.threads)} threads, "
          f"nothing lost or duplicated; the writers said: {said}")
