"""The `status`, `review` and `report` commands on a real ledger: they parse, call the
services and render; bad input is a one-line error, exit 2, nothing written; `ledger --overdue`
leaves out fulfilled statements."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from pledgebook.serve.cli import app

ENV = {"COLUMNS": "200"}
TEXT = (
    "Nairobi, 13 February 2024\n\n"
    "Kenya and Japan agreed to open the Kisumu fish market by June 2024. "
    "The two sides will launch a joint fisheries research fund within the next six months.\n"
)


def _run(*args: str, code: int = 0):  # type: ignore[no-untyped-def]
    out = CliRunner().invoke(app, list(args), env=ENV)
    assert out.exit_code == code, out.output
    return out


def _ledger(db: str, *args: str) -> list[dict]:
    return json.loads(_run("ledger", "--db", db, "-f", "json", *args).stdout)


def test_status_review_and_report_commands(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "2024-02-13_kenya-japan.txt").write_text(TEXT, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    _run("ingest", str(tmp_path), "--db", db, "--no-progress", "--embedder", "hashing")
    overdue = _ledger(db, "--overdue")
    assert len(overdue) == 2, overdue
    market, fund = sorted(overdue, key=lambda r: r["start"])
    # bad input: one line, exit 2, nothing written
    for args, message in [(["status", "set", market["statement_id"], "--status", "done"], "unknown status 'done'"),
                          (["status", "set", "999", "--status", "fulfilled"], "no thread 999"),
                          (["status", "set", market["statement_id"], "--status", "fulfilled", "--party", "Narnia",
                            "--score", "1"], "unknown party 'Narnia'"),
                          (["review", "correct", "nope", "--kind", "position"], "no current statement"),
                          (["report", "--by", "moon"], "cannot report by 'moon'")]:
        out = _run(*args, "--db", db, code=2)
        assert message in out.output and len(out.output.strip().splitlines()) == 1, out.output
    assert json.loads(_run("status", "list", "--db", db, "-f", "json").stdout) == []
    # the market is fulfilled (Kenya +1, Japan 0): no longer overdue
    out = _run("status", "set", market["statement_id"], "--status", "fulfilled", "--party", "Kenya", "--score", "1",
               "--party", "JPN", "--score", "0", "--evidence", "https://example.org/market-opens", "--author", "wanjiru",
               "--db", db, "-f", "json")
    entry = json.loads(out.stdout)
    assert (entry["status"], entry["scores"], entry["evidence_url"], entry["author"]) == (
        "fulfilled", {"JPN": 0, "KEN": 1}, "https://example.org/market-opens", "wanjiru")
    assert [r["statement_id"] for r in _ledger(db, "--overdue")] == [fund["statement_id"]]
    history = json.loads(_run("status", "history", market["statement_id"], "--db", db, "-f", "json").stdout)
    assert [h["status"] for h in history] == ["fulfilled"]
    listed = list(csv.DictReader(io.StringIO(_run("status", "list", "--party", "KEN", "--db", db, "-f", "csv").stdout)))
    assert [(r["target"], r["status"], r["scores"]) for r in listed] == [("statement", "fulfilled", "JPN:0;KEN:1")]
    report = list(csv.DictReader(io.StringIO(_run("report", "--db", db, "-f", "csv").stdout)))
    assert [(r["group"], r["assessments"], r["average"]) for r in report] == [
        ("JPN", "1", "0.0"), ("KEN", "1", "1.0"), ("total", "2", "0.5")]
    # the fund is not a pledge after all: rejected, it leaves the ledger; the review lists it
    _run("review", "reject", fund["statement_id"], "--note", "a plan", "--db", db)
    assert fund["statement_id"] not in {r["statement_id"] for r in _ledger(db)}
    reviewed = json.loads(_run("review", "list", "--db", db, "-f", "json").stdout)
    assert [(r["statement_id"], r["state"], r["orphaned"]) for r in reviewed] == [(fund["statement_id"], "rejected", False)]
    assert "1 tracked target" in _run("status", "list", "--db", db).stdout
    threads = json.loads(_run("threads", "--min-docs", "1", "--db", db, "-f", "json").stdout)
    assert all(t["members"] for t in threads)  # the rejected fund's thread has no member left to show
    # a thread's view says what became of it
    (market_thread,) = [t["id"] for t in json.loads(_run("threads", "--min-docs", "1", "--db", db, "-f", "json").stdout)
                        if market["statement_id"] in {m["statement_id"] for m in t["members"]}]
    _run("status", "set", str(market_thread), "--status", "in_progress", "--party", "KEN", "--score", "0",
         "--author", "wanjiru", "--db", db)
    shown = _run("thread", str(market_thread), "--db", db).stdout
    assert f"status in_progress (KEN 0) since " in shown and f"by wanjiru · `pledgebook status history {market_thread}`" in shown
