"""End-to-end thread evaluation (``pledgebook eval-threads GOLD_DIR``) on a tiny invented news
gold set (newskit.py): the texts go through the real extraction, storage and linking into a
temporary SQLite ledger, and the scorer's pair counts and loss causes must be what that
pipeline produces for sentences placed to produce each outcome."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import newskit as kit
import pytest
from typer.testing import CliRunner

from pledgebook.evaluate.news_gold import NewsGoldError, load_news_gold
from pledgebook.evaluate.threads_e2e import CAUSES, E2EReport, evaluate_news_threads, ordered_texts
from pledgebook.link import HashingEmbedder
from pledgebook.link.config import load_config

# Only commitments are linked here whatever linking.yaml ships, so "a kind that is not linked"
# (the signed agreement) stays one; every other setting is the shipped one.
COMMITMENTS_ONLY = dataclasses.replace(load_config(), kinds=("commitment",))


@pytest.fixture(scope="module")
def gold_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kit.write_news_gold(tmp_path_factory.mktemp("e2e"))


@pytest.fixture(scope="module")
def report(gold_dir: Path) -> E2EReport:
    return evaluate_news_threads(load_news_gold(gold_dir), ("batch", "date", "shuffled"), seed=7,
                                 embedder=HashingEmbedder(), config=COMMITMENTS_ONLY)


def _by_anchors(pairs) -> dict[frozenset[str], object]:
    return {frozenset((p.a.mention.anchor, p.b.mention.anchor)): p for p in pairs}


def test_gold_pairs_are_cross_document_pairs_of_one_thread_or_two_threads_of_a_relationship(gold_dir: Path) -> None:
    gold = load_news_gold(gold_dir)
    for m in gold.mentions():  # spans index the text as read, front matter included (as statements do)
        assert gold.texts[m.doc].raw.text[m.start:m.end] == m.anchor
    same = {frozenset((p.a.anchor, p.b.anchor)) for p in gold.pairs() if p.same}
    assert same == {frozenset(pair) for pair in [
        (kit.AGREEMENT, kit.NO_STATEMENT), (kit.AGREEMENT, kit.LOAN_2021), (kit.LOAN_2019, kit.NO_STATEMENT),
        (kit.LOAN_2019, kit.LOAN_2021), (kit.SOLAR, kit.GAS), (kit.TRAINING_2019, kit.TRAINING_2021),
        (kit.TRAINING_2019, kit.TRAINING_JPN), (kit.TRAINING_2021, kit.TRAINING_JPN),
        (kit.HARBOUR_2020, kit.HARBOUR_HISTORY), (kit.HARBOUR_2020, kit.HARBOUR_2022)]}
    different = [p for p in gold.pairs() if not p.same]
    assert all(p.a.doc != p.b.doc and p.a.thread != p.b.thread for p in different)
    assert all(p.a.relationship == p.b.relationship for p in different)
    # gha-jpn: the talks against the two harbour mentions of the other document; vnm-kor: 16
    assert sum(p.a.relationship == "gha-jpn" for p in different) == 2 and len(different) == 18


def test_every_order_scores_the_pairs_the_pipeline_links(report: E2EReport) -> None:
    assert [r.order for r in report.runs] == ["batch", "date", "shuffled"]
    assert report.linked_kinds == ["commitment"] and report.threshold == 0.40
    for run in report.runs:
        assert run.documents == 5 and run.statements >= 11  # one statement per mention found in one
        assert (run.overall.tp, run.overall.fp, run.overall.fn, run.overall.tn) == (3, 0, 7, 18), run.order
        rel = run.relationships
        assert (rel["vnm-kor"].tp, rel["vnm-kor"].fn, rel["vnm-kor"].tn) == (2, 6, 16)
        assert (rel["gha-jpn"].tp, rel["gha-jpn"].fn, rel["gha-jpn"].tn) == (1, 1, 2)
        assert run.overall.precision == 1.0 and run.overall.recall == pytest.approx(0.3)
        assert run.causes == {"not_extracted": 3, "kind_not_linked": 1, "unthreaded": 0, "different_scope": 2,
                              "different_threads": 1}
        assert run.causes_of("gha-jpn") == {"not_extracted": 1, "kind_not_linked": 0, "unthreaded": 0,
                                            "different_scope": 0, "different_threads": 0}
        assert dict(run.mentions) == {"linked": 9, "kind_not_linked": 2, "not_extracted": 2}
        kinds = dict(run.mention_kinds)  # the talks: a meeting or a discussion, not linked either way
        assert (kinds.pop("commitment"), kinds.pop("agreement"), kinds.pop("none"), sum(kinds.values())) == (9, 1, 2, 1)
        assert not run.false_links
    assert report.runs[2].seed == 7 and report.runs[0].seed is None
    # the same threads over the gold mentions in every order, whatever ids the ledgers gave them
    partitions = [run.partition for run in report.runs]
    assert partitions[0] == partitions[1] == partitions[2] and sum(map(len, partitions[0])) == 9
    loan = sorted(f"{m.doc}@{m.start}" for m in load_news_gold(report.gold_dir).mentions()
                  if m.anchor in (kit.LOAN_2019, kit.LOAN_2021))
    assert loan in partitions[0]


def test_each_lost_pair_has_the_cause_the_pipeline_gives_it(report: E2EReport) -> None:
    for run in report.runs:
        lost = _by_anchors(run.lost)
        # the sentence is no statement: both of its pairs are lost before linking
        for other in (kit.AGREEMENT, kit.LOAN_2019):
            pair = lost[frozenset((other, kit.NO_STATEMENT))]
            assert pair.cause == "not_extracted"
            missing = pair.a if pair.a.mention.anchor == kit.NO_STATEMENT else pair.b
            assert missing.statement is None and missing.status == "not_extracted"
        assert lost[frozenset((kit.HARBOUR_2020, kit.HARBOUR_HISTORY))].cause == "not_extracted"
        # a signed agreement is extracted, as an agreement, which is not linked here
        agreement = lost[frozenset((kit.AGREEMENT, kit.LOAN_2021))]
        assert agreement.cause == "kind_not_linked"
        assert {o.statement.kind for o in (agreement.a, agreement.b)} == {"agreement", "commitment"}
        # two unrelated pledges of one relationship: both linked, apart, scored below the threshold
        energy = lost[frozenset((kit.SOLAR, kit.GAS))]
        assert energy.cause == "different_threads" and energy.score < report.threshold
        assert energy.a.thread != energy.b.thread and None not in (energy.a.thread, energy.b.thread)
        # a Japan-Vietnam report's pledge: the linker's relationship gate keeps it apart, no score
        for other in (kit.TRAINING_2019, kit.TRAINING_2021):
            gated = lost[frozenset((other, kit.TRAINING_JPN))]
            assert (gated.cause, gated.gate, gated.score) == ("different_scope", "relationship", None)
        assert frozenset((kit.LOAN_2019, kit.LOAN_2021)) not in lost  # the repeated loan pledge is found
        assert run.kept_apart == 0


def test_orders_batch_date_and_a_seeded_shuffle(gold_dir: Path) -> None:
    gold = load_news_gold(gold_dir)
    names = sorted(gold.texts)
    by_date = [t.name for t in ordered_texts(gold, "date")]
    assert by_date == sorted(names, key=lambda n: gold.texts[n].raw.date) and by_date[0].startswith("2019")
    shuffles = {tuple(t.name for t in ordered_texts(gold, "shuffled", seed)) for seed in range(6)}
    assert len(shuffles) > 1 and all(sorted(s) == names for s in shuffles)
    assert ordered_texts(gold, "shuffled", 3) == ordered_texts(gold, "shuffled", 3)
    with pytest.raises(ValueError, match="unknown order"):
        ordered_texts(gold, "alphabetical")


def test_cli_prints_scores_causes_and_lost_pairs(gold_dir: Path) -> None:
    from pledgebook.serve.cli import app

    runner = CliRunner()
    args = ["eval-threads", str(gold_dir), "--embedder", "hashing", "--no-progress"]
    out = runner.invoke(app, [*args, "-f", "json", "--order", "shuffled", "--seed", "5"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    (run,) = result["runs"]
    assert (run["order"], run["seed"], run["documents"]) == ("shuffled", 5, 5)
    assert set(run["lost_causes"]) == set(CAUSES) == set(result["causes"])
    assert sum(run["lost_causes"].values()) == run["overall"]["fn"] == len(run["lost"])
    assert run["overall"]["tp"] + run["overall"]["fn"] == 10 and run["overall"]["fp"] + run["overall"]["tn"] == 18
    assert result["relationships"]["vnm-kor"] == {"parties": ["KOR", "VNM"], "threads": 3, "mentions": 9,
                                                  "same_pairs": 8, "different_pairs": 16}
    not_extracted = [p for p in run["lost"] if kit.NO_STATEMENT in (p["a"]["anchor"], p["b"]["anchor"])]
    assert len(not_extracted) == 2 and {p["cause"] for p in not_extracted} == {"not_extracted"}

    table = runner.invoke(app, args)  # both orders by default
    assert table.exit_code == 0, table.output
    text = " ".join(table.stdout.split())
    assert "pair precision, recall and F1" in text and "lost same pairs, by cause" in text
    assert "lost same pairs, batch" in text and "not_extracted" in text and "different_scope (relationship)" in text
    assert "lost same pairs, date:" in text  # the date run's losses, those as in batch not repeated


def _broken(gold_dir: Path, tmp_path: Path, threads: str) -> Path:
    import shutil

    copy = tmp_path / "broken"
    shutil.copytree(gold_dir, copy)
    (copy / "threads" / "vnm-kor.yaml").write_text(threads, encoding="utf-8")
    return copy


@pytest.mark.parametrize(("threads", "message"), [
    ("version: 1\nrelationship: [KOR, VNM]\nthreads: {a: {mentions: [{doc: x, anchor: 'unclosed}]}}\n",
     "cannot read YAML"),
    ("version: 1\nrelationship: [KOR, VNM]\nthreads:\n  bridge:\n    project: Thang Long\n", "threads.bridge.mentions"),
    ("version: 1\nrelationship: [KOR, VNM]\nthreads:\n  bridge:\n    mentions:\n"
     "      - {doc: 2019-03-12_vnm-kor_bridge-deal, anchor: 'pledged to build a tunnel'}\n",
     "anchor not found in the text: 'pledged to build a tunnel'"),
    ("version: 1\nrelationship: [KOR, VNM]\nthreads:\n  bridge:\n    mentions:\n"
     "      - {doc: 2019-03-12_no-such-text, anchor: 'pledged'}\n", "no text '2019-03-12_no-such-text'"),
])
def test_unusable_gold_is_a_clear_error_before_any_extraction(gold_dir: Path, tmp_path: Path, threads: str,
                                                               message: str) -> None:
    from pledgebook.serve.cli import app

    broken = _broken(gold_dir, tmp_path, threads)
    with pytest.raises(NewsGoldError) as err:
        load_news_gold(broken)
    assert any(message in problem and "vnm-kor.yaml" in problem for problem in err.value.problems)
    out = CliRunner().invoke(app, ["eval-threads", str(broken), "--embedder", "hashing", "--no-progress"])
    assert out.exit_code == 2 and "gold error" in out.stderr and message in " ".join(out.stderr.split())
    assert out.exception is None or isinstance(out.exception, SystemExit)


def test_a_directory_without_threads_or_texts_and_pairs_file_options(tmp_path: Path) -> None:
    from pledgebook.serve.cli import app

    runner = CliRunner()
    empty = runner.invoke(app, ["eval-threads", str(tmp_path), "--no-progress"])
    assert empty.exit_code == 2 and "threads: not a directory" in empty.stderr
    pairs = runner.invoke(app, ["eval-threads", "--order", "date"])  # the default pairs file
    assert pairs.exit_code == 2 and "GOLD_DIR" in pairs.stderr


def test_a_linked_kind_left_without_a_thread_is_told_apart_from_a_kind_not_linked() -> None:
    from pledgebook.evaluate.e2e_ledger import MentionOutcome, StoredStatement
    from pledgebook.evaluate.news_gold import Mention
    from pledgebook.evaluate.threads_e2e import _cause

    def outcome(kind: str, thread: int | None, linked_kinds: tuple[str, ...]) -> MentionOutcome:
        st = StoredStatement(1, "k", 1, 0, 10, kind, "text", ("CHN",), (), (), ("CHN", "KEN"))
        return MentionOutcome(Mention("ken-chn", "t", "d", "text", 0, 4), st, thread,
                              kind_linked=kind in linked_kinds)

    pledge = outcome("commitment", 5, ("commitment", "appreciation"))
    welcome = outcome("appreciation", None, ("commitment", "appreciation"))
    talks = outcome("meeting", None, ("commitment", "appreciation"))
    assert (pledge.status, welcome.status, talks.status) == ("linked", "unthreaded", "kind_not_linked")
    assert _cause(pledge, welcome) == "unthreaded"
    assert _cause(welcome, talks) == "kind_not_linked"
    assert "unthreaded" in CAUSES
