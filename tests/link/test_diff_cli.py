from __future__ import annotations

import json

from linkdocs import DATES, ingest
from sqlalchemy import Engine
from typer.testing import CliRunner

from pledgebook.link import HashingEmbedder, diff_documents, link_new_statements

EMB = HashingEmbedder()


def test_diff_new_repeated_dropped(engine: Engine) -> None:
    old, new = ingest(engine, "2015"), ingest(engine, "2024")
    d = diff_documents(engine, str(old), f"{DATES['2024']}_cpec.txt", embedder=EMB)  # by id, and by source path
    (rep,) = d.repeated
    assert "Main Line-1 railway from Karachi" in rep.old.text and "resolved to accelerate" in rep.new.text
    assert (rep.old.strength, rep.new.strength, rep.strength_change) == ("soft", "moderate", "stronger")
    assert "explore" in " ".join(rep.removed) and "accelerate" in " ".join(rep.added)
    assert [s.text for s in d.new_commitments] == ["The two sides agreed to launch a joint fund for agricultural research"]
    assert [s.text for s in d.dropped] == ["Both sides agreed to accelerate the development of Gwadar Port"]
    assert d.old.id == old and d.new.id == new


def test_cli_link_threads_thread_diff(engine: Engine) -> None:
    from pledgebook.serve.cli import app

    for year in ("2015", "2018", "2023"):
        ingest(engine, year)
    url = engine.url.render_as_string(hide_password=False)
    runner = CliRunner()
    out = runner.invoke(app, ["link", "--db", url, "--embedder", "hashing", "-f", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["linked_now"] == 6
    out = runner.invoke(app, ["threads", "--db", url, "--min-docs", "3", "-f", "json"])
    (thread,) = json.loads(out.stdout)
    member = thread["members"][0]
    assert {"document_source", "document_date", "statement_id", "start", "end", "text", "strength"} <= set(member)
    assert [m["document_date"] for m in thread["members"]] == ["2015-04-20", "2018-11-03", "2023-10-20"]
    out = runner.invoke(app, ["thread", str(thread["id"]), "--db", url])
    assert out.exit_code == 0 and "ML-I" in out.stdout
    out = runner.invoke(app, ["thread", "split", str(thread["id"]), member["statement_id"], "--db", url,
                              "--author", "tester", "-f", "json"])
    assert out.exit_code == 0, out.output
    assert [m["statement_id"] for m in json.loads(out.stdout)["members"]] == [member["statement_id"]]
    out = runner.invoke(app, ["thread", "999999", "--db", url])
    assert out.exit_code == 1 and "no thread" in out.stderr
    out = runner.invoke(app, ["diff", "1", "2", "--db", url, "--embedder", "hashing", "-f", "json"])
    assert out.exit_code == 0, out.output
    assert len(json.loads(out.stdout)["repeated"]) == 1
    out = runner.invoke(app, ["diff", "1", "no-such-doc", "--db", url, "--embedder", "hashing"])
    assert out.exit_code == 1 and "no ingested document" in out.stderr


def test_eval_threads_cli_prints_pairwise_scores() -> None:
    from pledgebook.serve.cli import app

    out = CliRunner().invoke(app, ["eval-threads", "--embedder", "hashing", "-f", "json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    assert result["pairs"] >= 60 and result["tp"] + result["fn"] >= 30
    assert result["precision"] >= 0.8 and result["recall"] >= 0.75  # the documented floor (docs/threads.md)


SMALL_PAIRS = """\
version: 1
statements:
  ml1_a: {date: 2015-04-20, source: a.md, actors: [PAK, CHN], sectors: [transport], entities: [[ML-1, project]],
    text: "Both sides agreed to accelerate the upgrade of the Main Line-1 railway."}
  ml1_b: {date: 2024-06-08, source: b.md, actors: [PAK, CHN], sectors: [transport], entities: [[ML-1, project]],
    text: "Both sides agreed to accelerate the upgrade of the Main Line-1 railway."}
  ml1_c: {date: 2018-11-03, source: c.md, actors: [CHN], sectors: [transport],
    text: "Both sides agreed to accelerate the upgrade of the Main Line-1 railway."}
  usa: {date: 2021-09-24, source: d.md, actors: [USA], sectors: [health],
    text: "The United States will fund vaccine production in Africa."}
pairs:
  - [ml1_a, ml1_b, same]        # identical, shared entity and sector: linked (true positive)
  - [ml1_a, usa, same]          # no actor in common: never linked (false negative)
  - [ml1_a, ml1_c, different]   # identical text, actors overlap: linked (false positive)
  - [ml1_b, usa, different]     # no actor in common (true negative)
"""


def test_eval_threads_cli_scores_the_given_pairs_file(tmp_path) -> None:
    from pledgebook.serve.cli import app

    pairs = tmp_path / "small.yaml"
    pairs.write_text(SMALL_PAIRS, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["eval-threads", str(pairs), "--embedder", "hashing", "-f", "json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    assert (result["pairs"], result["tp"], result["fp"], result["fn"], result["tn"]) == (4, 1, 1, 1, 1)
    assert (result["precision"], result["recall"], result["f1"]) == (0.5, 0.5, 0.5)
    assert result["threshold"] == 0.40  # the configured hashing threshold, not the sweep's peak
    assert result["sweep_best"]["f1"] == 0.5
    assert {(e["a"], e["b"], e["gold"]) for e in result["errors"]} == {("ml1_a", "usa", "same"), ("ml1_a", "ml1_c", "different")}
    table = runner.invoke(app, ["eval-threads", str(pairs), "--embedder", "hashing"])
    assert table.exit_code == 0 and "small.yaml: 4 pairs" in table.stdout and "sweep peak: F1 0.500" in table.stdout
    assert runner.invoke(app, ["eval-threads", "--gold", str(pairs), "--embedder", "hashing"]).exit_code == 0
    both = runner.invoke(app, ["eval-threads", str(pairs), "--gold", str(tmp_path / "other.yaml")])
    assert both.exit_code == 2 and "once" in both.stderr
    missing = runner.invoke(app, ["eval-threads", str(tmp_path / "none.yaml")])
    assert missing.exit_code == 2 and "not found" in missing.stderr
    assert "PAIRS_FILE" in runner.invoke(app, ["eval-threads", "--help"]).stdout


def test_eval_threads_cli_scores_the_heldout_pairs() -> None:
    from pledgebook.link.quality import HELDOUT_PAIRS
    from pledgebook.serve.cli import app

    out = CliRunner().invoke(app, ["eval-threads", str(HELDOUT_PAIRS), "--embedder", "hashing", "-f", "json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    assert result["pairs"] >= 50 and result["tp"] + result["fn"] >= 20  # scored; no floor: never tune on it


def test_diff_applies_the_linkers_scope_gate(engine: Engine) -> None:
    """Word for word the same U.S. pledge, once to Japan and once to India: another
    relationship's pledge, as in linking, unless both name the same project."""
    from recordkit import CODEBOOK, EXTRACTOR, make_record

    from pledgebook.store import ingest_record

    def store(date: str, partner: str, project: bool) -> int:
        text = f"Washington, {date}. The United States will expand the Blue Dot Network for minerals."
        spec = {"quote": "The United States will expand the Blue Dot Network for minerals", "kind": "commitment",
                "strength": "firm", "actors": ["USA"], "sectors": ["mining"],
                "entities": [("Blue Dot Network", "initiative", "Blue Dot Network")] if project else []}
        record = make_record(text, [spec], source=f"{date}-{partner}.txt", date=date, parties=("USA", partner))
        return ingest_record(engine, record, text, extractor_version=EXTRACTOR, codebook_version=CODEBOOK).document_id

    japan, india = store("2023-05-01", "JPN", False), store("2024-05-01", "IND", False)
    d = diff_documents(engine, str(japan), str(india), embedder=EMB)
    assert (len(d.repeated), len(d.new_commitments), len(d.dropped)) == (0, 1, 1)
    japan, india = store("2023-05-02", "JPN", True), store("2024-05-02", "IND", True)
    d = diff_documents(engine, str(japan), str(india), embedder=EMB)
    assert len(d.repeated) == 1 and d.repeated[0].strength_change == "unchanged"
