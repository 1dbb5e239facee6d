"""Due-date scoring (docs/evaluation.md, "Due dates") on hand-made gold and records."""

from __future__ import annotations

from evalkit import make_record, write_gold

from pledgebook.core.data import When
from pledgebook.evaluate.gold import load_gold
from pledgebook.evaluate.scorer import score_document

TEXT = ("The two sides agreed to finish the road by the end of 2026. They welcomed the plan to open a "
        "consulate in 2027. The ministers will report before the next summit. They discussed trade.")
ROAD, CONSULATE, REPORT, TRADE = ("agreed to finish the road", "welcomed the plan to open a consulate",
                                  "will report before the next summit", "discussed trade")


def _with_due(record, quote, due, precision="year", event=None):
    statements = []
    for st in record.statements:
        if st.text.startswith(quote):
            st = st.model_copy(update={"when": When(text="x", start=st.start, end=st.start + 1, kind="deadline",
                                                    due=due, precision=precision, event=event)})
        statements.append(st)
    return record.model_copy(update={"statements": statements})


def _record(kinds):
    return make_record(TEXT, [{"quote": q, "kind": k} for q, k in kinds])


def test_due_recall_and_precision_whatever_the_kinds(tmp_path):
    gold = load_gold(write_gold(tmp_path, TEXT, [
        {"anchor": ROAD, "kind": "commitment", "due": "2026-12-31"},
        {"anchor": CONSULATE, "kind": "appreciation", "due": "2027-12-31"},
        {"anchor": REPORT, "kind": "commitment", "due": "event"},
        {"anchor": TRADE, "kind": "discussion"},
    ], due_annotated=True))
    # the consulate statement is predicted as a commitment (a kind error): its due still counts
    record = _record([(ROAD, "commitment"), (CONSULATE, "commitment"), (REPORT, "commitment"), (TRADE, "discussion")])
    record = _with_due(record, ROAD, "2026-12-31")
    record = _with_due(record, CONSULATE, "2027-06-30", "half")  # wrong date
    record = _with_due(record, REPORT, None, "event", "the next summit")
    record = _with_due(record, TRADE, "2025-12-31")  # a due where gold has none
    counts = score_document(gold, record).counts
    assert (counts.due_gold, counts.due_found, counts.due_pred, counts.due_pred_ok) == (3, 2, 4, 2)
    m = counts.metrics()
    assert (m["due_recall"], m["due_precision"]) == (2 / 3, 2 / 4)


def test_dues_are_not_scored_in_a_file_not_due_annotated(tmp_path):
    gold = load_gold(write_gold(tmp_path, TEXT, [{"anchor": ROAD, "kind": "commitment"}]))
    record = _with_due(_record([(ROAD, "commitment")]), ROAD, "2026-12-31")
    counts = score_document(gold, record).counts
    assert (counts.due_gold, counts.due_pred) == (0, 0)
    assert counts.metrics()["due_precision"] is None


def test_a_gold_year_or_month_alone_is_due_on_its_last_day(tmp_path):
    """The year-only convention (docs/record.md) holds in gold files too: `due: 2026` is 2026-12-31."""
    gold = load_gold(write_gold(tmp_path, TEXT, [
        {"anchor": ROAD, "kind": "commitment", "due": 2026},
        {"anchor": CONSULATE, "kind": "commitment", "due": "2027-06"},
    ], due_annotated=True))
    assert [s.due for s in gold.statements] == ["2026-12-31", "2027-06-30"]
    record = _with_due(_record([(ROAD, "commitment"), (CONSULATE, "commitment")]), ROAD, "2026-12-31")
    record = _with_due(record, CONSULATE, "2027-06-30", "month")
    counts = score_document(gold, record).counts
    assert (counts.due_gold, counts.due_found, counts.due_pred_ok) == (2, 2, 2)
