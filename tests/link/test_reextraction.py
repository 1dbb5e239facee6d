"""Re-extraction keeps a statement's identity: its stable key, its status entries, the
analysts' merge/split decisions and its thread, though its span moved or was re-cut; and
every membership change is in the log (issue 9, "Stable identity")."""

from __future__ import annotations

from pathlib import Path

from linkdocs import DATES, DOCS, ingest
from recordkit import CODEBOOK, make_record
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from pledgebook.link import (
    HashingEmbedder,
    ThreadFilter,
    get_thread,
    link_new_statements,
    list_threads,
    merge_threads,
    split_thread,
)
from pledgebook.link.membership import current_members, members_from_log
from pledgebook.link.views import thread_of_statement
from pledgebook.store import LedgerFilter, ingest_record, query_ledger
from pledgebook.store.batch import ingest_paths
from pledgebook.store.models import Document, ExtractionRun, MembershipChange, Statement, StatusEntry

EMB = HashingEmbedder()
V2 = {"extractor_version": "test-extractor 2", "codebook_version": CODEBOOK}


def _current(engine: Engine, year: str) -> dict[str, tuple[str, str]]:
    """{text: (stable key, record id)} of the current run of a linkdocs document."""
    with Session(engine) as s:
        rows = s.execute(
            select(Statement.text, Statement.stable_key, Statement.record_id)
            .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
            .join(Document, Document.id == Statement.document_id)
            .where(ExtractionRun.is_current.is_(True), Document.source == f"{DATES[year]}_cpec.txt")
        )
        return {text: (key, rid) for text, key, rid in rows}


def _reextract(engine: Engine, year: str, changes: dict[str, str | None]) -> None:
    """Store a new run of a linkdocs document whose statements are re-cut as ``changes`` says
    (old quote -> new quote, or None: no longer extracted)."""
    text, specs = DOCS[year]
    new_specs = [{**spec, "quote": changes.get(spec["quote"], spec["quote"])} for spec in specs
                 if changes.get(spec["quote"], spec["quote"]) is not None]
    record = make_record(text, new_specs, source=f"{DATES[year]}_cpec.txt", date=DATES[year])
    assert ingest_record(engine, record, text, **V2).outcome.value == "re-extracted"


ML1_2023 = "China and Pakistan agreed to accelerate the upgrading of the ML-1 railway line by 2025"
CT_2023 = "The two sides pledged to deepen counter-terrorism cooperation and security"
CT_2018 = "The two sides pledged to strengthen counter-terrorism cooperation"


def test_reextraction_with_moved_spans_keeps_keys_statuses_decisions_and_threads(engine: Engine) -> None:
    for year in ("2015", "2018", "2023"):
        ingest(engine, year)
    link_new_statements(engine, embedder=EMB)
    before_2023, before_2018 = _current(engine, "2023"), _current(engine, "2018")
    ml1_key = before_2023[ML1_2023][0]
    ct_key = before_2023[CT_2023][0]
    ml1 = next(t for t in list_threads(engine) if "ML-1" in t.members[0].entities)
    gwadar_key = [k for t, (k, _) in _current(engine, "2015").items() if "Gwadar" in t][0]
    ml_i_key = [k for t, (k, _) in before_2018.items() if "ML-I" in t][0]
    # an analyst's status entry on the 2023 ML-1 pledge, a merge and a split
    with Session(engine) as s, s.begin():
        s.add(StatusEntry(statement_key=ml1_key, status="in_progress", author="analyst"))
    merge_threads(engine, ml1.id, thread_of_statement(engine, gwadar_key), author="analyst")
    split_thread(engine, ml1.id, ml_i_key, author="analyst")
    with Session(engine) as s:
        logged_before = s.scalar(select(func.max(MembershipChange.id)))

    # A new extractor: the ML-1 pledge now takes its full stop (its span moves), the
    # counter-terrorism pledge is cut shorter; in 2018 the counter-terrorism pledge is cut
    # down to a fragment that is no longer the same statement.
    _reextract(engine, "2023", {ML1_2023: ML1_2023 + ".",
                                CT_2023: "The two sides pledged to deepen counter-terrorism cooperation"})
    _reextract(engine, "2018", {CT_2018: "counter-terrorism cooperation"})
    link_new_statements(engine, embedder=EMB)

    after_2023, after_2018 = _current(engine, "2023"), _current(engine, "2018")
    # the old runs are kept, not current
    with Session(engine) as s:
        runs = s.execute(select(ExtractionRun.document_id, ExtractionRun.is_current)).all()
        assert sorted(c for _, c in runs) == [False, False, True, True, True]
        assert s.scalar(select(func.count()).select_from(Statement)) == 7 + 5  # first runs + new runs
    # keys carried over although spans and record ids changed
    key, rid = after_2023[ML1_2023 + "."]
    assert key == ml1_key and rid != before_2023[ML1_2023][1]
    assert after_2023["The two sides pledged to deepen counter-terrorism cooperation"][0] == ct_key
    fragment_key = after_2018["counter-terrorism cooperation"][0]
    assert fragment_key not in {k for k, _ in before_2018.values()}
    # the status entry still names a current statement: the moved one
    with Session(engine) as s:
        target = s.scalar(select(StatusEntry.statement_key))
    (row,) = [r for r in query_ledger(engine, LedgerFilter(kinds=["commitment"])) if r.statement_id == target]
    assert row.text == ML1_2023 + "." and row.record_id == rid
    # thread decisions still hold: Gwadar merged into the ML-1 thread, ML-I split out of it
    assert thread_of_statement(engine, ml1_key) == thread_of_statement(engine, gwadar_key) == ml1.id
    assert thread_of_statement(engine, ml_i_key) not in (None, ml1.id)

    # the log: only the statement that ended and the one that began moved
    with Session(engine) as s:
        moves = s.execute(
            select(MembershipChange.statement_key, MembershipChange.reason, MembershipChange.from_thread_id,
                   MembershipChange.to_thread_id, MembershipChange.author)
            .where(MembershipChange.id > logged_before).order_by(MembershipChange.id)
        ).all()
        assert {(k, reason) for k, reason, *_ in moves} == {(before_2018[CT_2018][0], "left"), (fragment_key, "linked")}
        assert all(author == "pledgebook link" for *_, author in moves)
        assert members_from_log(s) == current_members(s)

    # rebuilding from scratch re-applies the decisions and keeps the thread ids
    link_new_statements(engine, embedder=EMB, rebuild=True)
    assert thread_of_statement(engine, ml1_key) == thread_of_statement(engine, gwadar_key) == ml1.id
    assert thread_of_statement(engine, ml_i_key) not in (None, ml1.id)
    with Session(engine) as s:
        assert members_from_log(s) == current_members(s)
        reasons = set(s.scalars(select(MembershipChange.reason)))
        assert {"linked", "merged", "split", "left"} <= reasons


def test_membership_log_replays_to_the_current_state(engine: Engine) -> None:
    for year in ("2015", "2018", "2023", "2024"):
        ingest(engine, year)
    link_new_statements(engine, embedder=EMB)
    ml1 = next(t for t in list_threads(engine) if "ML-1" in t.members[0].entities)
    split_thread(engine, ml1.id, ml1.members[-1].statement_id, author="analyst", note="a later phase")
    with Session(engine) as s:
        assert members_from_log(s) == current_members(s)
        split = s.execute(select(MembershipChange).where(MembershipChange.reason == "split")).scalar_one()
        assert (split.statement_key, split.from_thread_id, split.author, split.added_by) == (
            ml1.members[-1].statement_id, ml1.id, "analyst", "manual")
        linked = s.scalars(select(MembershipChange.statement_key).where(MembershipChange.reason == "linked")).all()
        assert len(linked) == len(set(linked)) == 8  # every commitment once


EXAMPLES = Path(__file__).resolve().parents[2] / "pledgebook" / "examples"
US_INDIA = [str(EXAMPLES / name) for name in (
    "2021-09-24-u-s-india-joint-leaders-statement-a-partnership-for-global-good.md",
    "2025-02-13-united-states-india-joint-leaders-statement.md",
)]


def _first_threads(engine: Engine) -> tuple[int, int, int]:
    """Threads of the first two commitments of 2021 and the first of 2025 (all singletons)."""
    by_doc: dict[str, list[int]] = {}
    for view in sorted(list_threads(engine, ThreadFilter(min_docs=1)), key=lambda v: v.members[0].start):
        by_doc.setdefault(view.members[0].document_date, []).append(view.id)
    (_, y2021), (_, y2025) = sorted(by_doc.items())
    return y2021[0], y2025[0], y2021[1]


def test_new_extractor_version_reextracts_and_keeps_what_is_attached(engine: Engine) -> None:
    """The real extractor under a new version: ``ingest`` re-extracts the stored documents,
    keeps the old runs, and the status entry and decisions on unchanged statements hold."""
    assert ingest_paths(engine, US_INDIA, versions=("extractor 1", "codebook 1")).new == 2
    link_new_statements(engine, embedder=EMB)
    x, y, z = _first_threads(engine)
    keys = {t: get_thread(engine, t).members[0].statement_id for t in (x, y, z)}
    with Session(engine) as s, s.begin():
        s.add(StatusEntry(statement_key=keys[x], status="pledged", author="analyst"))
    merge_threads(engine, x, y, author="analyst")  # the 2025 pledge repeats the 2021 one
    merge_threads(engine, x, z, author="analyst")
    apart = split_thread(engine, x, keys[z], author="analyst", note="not the same undertaking after all")
    with Session(engine) as s:
        statements_before = set(s.execute(select(Statement.stable_key, Statement.text)).all())
        logged_before = s.scalar(select(func.max(MembershipChange.id)))

    assert ingest_paths(engine, US_INDIA, versions=("extractor 1", "codebook 1")).unchanged == 2
    summary = ingest_paths(engine, US_INDIA, versions=("extractor 2", "codebook 1"))
    assert (summary.reextracted, summary.failed) == (2, [])
    link_new_statements(engine, embedder=EMB)

    with Session(engine) as s:
        runs = s.execute(select(ExtractionRun.extractor_version, ExtractionRun.is_current)
                         .order_by(ExtractionRun.id)).all()
        assert [tuple(r) for r in runs] == [("extractor 1", False)] * 2 + [("extractor 2", True)] * 2
        current = set(s.execute(select(Statement.stable_key, Statement.text)
                                .join(ExtractionRun, ExtractionRun.id == Statement.run_id)
                                .where(ExtractionRun.is_current.is_(True))).all())
        assert current == statements_before  # every statement kept its key (same code, same spans)
        assert s.scalar(select(func.count()).select_from(Statement)) == 2 * len(current)  # old runs kept
        status_key = s.scalar(select(StatusEntry.statement_key))
        assert s.scalar(select(MembershipChange.id).where(MembershipChange.id > logged_before)) is None  # nobody moved
    assert status_key == keys[x] and thread_of_statement(engine, status_key) == x
    assert thread_of_statement(engine, keys[y]) == x and thread_of_statement(engine, keys[z]) == apart
    link_new_statements(engine, embedder=EMB, rebuild=True)  # the decisions, and the thread ids, hold
    assert thread_of_statement(engine, keys[y]) == thread_of_statement(engine, keys[x]) == x
    assert thread_of_statement(engine, keys[z]) == apart
