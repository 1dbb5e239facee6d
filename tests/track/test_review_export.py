"""`review export DIR` writes the reviewed documents in the gold format, and `pledgebook eval
DIR` reads them back and scores the extractor against the review: the rejected commitment is
a false positive, the added one a false negative, the corrected strength a strength error."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pledgebook.serve.cli import app

ENV = {"COLUMNS": "200"}
TEXT = (
    "Nairobi, 13 February 2024\n\n"
    "Kenya and Japan agreed to open the Kisumu fish market by June 2024. The two sides will launch a joint "
    "fisheries research fund within the next six months. Japan pledged to finance a cold-storage plant in "
    "Mombasa. The ministers noted that a new ferry service to Homa Bay would be useful for traders.\n"
)


def _run(*args: str, code: int = 0):  # type: ignore[no-untyped-def]
    out = CliRunner().invoke(app, list(args), env=ENV)
    assert out.exit_code == code, out.output
    return out


def test_review_export_round_trips_through_eval(tmp_path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2024-02-13_kenya-japan.txt").write_text(TEXT, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    gold = tmp_path / "gold"
    _run("ingest", str(corpus), "--db", db, "--no-progress", "--embedder", "hashing")
    assert "no reviewed document" in _run("review", "export", str(gold), "--db", db, code=2).output
    rows = {r["text"].split()[0] + r["text"].split()[-1]: r
            for r in json.loads(_run("ledger", "--db", db, "-f", "json").stdout)}
    assert [r["kind"] for r in rows.values()] == ["commitment"] * 3, rows  # the extractor's three pledges
    fund, plant = rows["Themonths"], rows["JapanMombasa"]
    _run("review", "reject", fund["statement_id"], "--db", db)
    _run("review", "correct", plant["statement_id"], "--strength", "moderate", "--db", db)
    _run("review", "add", fund["document_id"], "--kind", "commitment", "--strength", "soft", "--sector", "transport",
         "--quote", "a new ferry service to Homa Bay", "--embedder", "hashing", "--db", db)
    written = json.loads(_run("review", "export", str(gold), "--db", db, "-f", "json").stdout)
    assert (written["documents"], written["statements"]) == (1, 3)
    assert (gold / "texts" / "2024-02-13_kenya-japan.txt").read_text(encoding="utf-8") == TEXT
    report = json.loads(_run("eval", str(gold), "--format", "json").stdout)
    assert report["gold_errors"] == []
    counts = report["overall"]["counts"]
    assert (counts["tp"], counts["fp"], counts["fn"]) == (2, 1, 1)
    assert (counts["strength_ok"], counts["strength_n"]) == (1, 2)  # the plant: firm extracted, moderate reviewed
