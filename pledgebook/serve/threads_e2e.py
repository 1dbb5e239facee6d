"""``pledgebook eval-threads GOLD_DIR``: end-to-end thread evaluation from news texts
(pledgebook/evaluate/threads_e2e.py does the work; this runs it and prints its report)."""

from __future__ import annotations

from pathlib import Path

import typer

from pledgebook.serve.cli_support import EXIT_UNUSABLE, emit, embedder_or_exit, fail, say
from pledgebook.serve.codebook import load_codebook_or_exit
from pledgebook.serve.render import TableColumn, one_result, print_table

ORDER_CHOICES = ("both", "batch", "date", "shuffled")
_TEXT_CHARS = 70


def run_texts_mode(gold_dir: Path, *, order: str, seed: int | None, embedder: str | None,
                   codebook: Path | None, progress: bool, fmt: str) -> None:
    from pledgebook.evaluate.news_gold import NewsGoldError, load_news_gold
    from pledgebook.evaluate.threads_e2e import evaluate_news_threads
    from pledgebook.serve.progress import progress_bar

    if order not in ORDER_CHOICES:
        raise fail(f"--order {order!r}: one of {', '.join(ORDER_CHOICES)}", EXIT_UNUSABLE)
    orders = ("batch", "date") if order == "both" else (order,)
    emb = embedder_or_exit(embedder)
    book = load_codebook_or_exit(codebook)
    try:
        gold = load_news_gold(gold_dir)
        with progress_bar(len(gold.texts) * len(orders), "ingesting", enabled=progress) as advance:
            report = evaluate_news_threads(gold, orders, seed=seed if seed is not None else 0,
                                           embedder=emb, codebook=book, on_file=advance)
    except NewsGoldError as err:
        for problem in err.problems:
            say(problem, label="gold error")
        raise typer.Exit(EXIT_UNUSABLE) from None
    emit(one_result(report, _report_table), fmt)


def _report_table(report, console) -> None:  # report: E2EReport
    rels = report.relationships
    console.print(
        f"{report.gold_dir}: {len(rels)} relationships, {sum(r['threads'] for r in rels.values())} threads, "
        f"{sum(r['mentions'] for r in rels.values())} mentions; {sum(r['same_pairs'] for r in rels.values())} same "
        f"and {sum(r['different_pairs'] for r in rels.values())} different pairs; embedder {report.embedder}, "
        f"threshold {report.threshold:.2f}, linked kinds: {', '.join(report.linked_kinds)}", highlight=False)
    _scores_table(report, console)
    _causes_table(report, console)
    first = report.runs[0] if report.runs else None
    for run in report.runs:
        for title, pairs, seen in (("lost same pairs", run.lost, first.lost if first else []),
                                   ("false links", run.false_links, first.false_links if first else [])):
            _pairs_table(f"{title}, {_order_name(run)}", pairs, seen if run is not first else [],
                         _order_name(first), console)


def _order_name(run) -> str:
    return f"shuffled (seed {run.seed})" if run.order == "shuffled" else run.order


def _scores_table(report, console) -> None:
    from rich.text import Text

    columns = [TableColumn("relationship", 24), TableColumn("order", 18)] + [
        TableColumn(col, 6, justify="right") for col in ("P", "R", "F1", "tp", "fp", "fn", "tn")]
    rows = []
    for run in report.runs:
        for name, c in [("all", run.overall)] + list(run.relationships.items()):
            rows.append([Text(name, style="bold") if name == "all" else name, _order_name(run), f"{c.precision:.3f}",
                         f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn), str(c.tn)])
    print_table(console, columns, rows, title="pair precision, recall and F1")
    for run in report.runs:
        m = run.mentions
        console.print(f"{_order_name(run)}: {run.documents} documents, {run.statements} statements, {run.seconds:.1f}s; "
                      f"mentions: {m.get('linked', 0)} in a linked statement, {m.get('unthreaded', 0)} in one left "
                      f"without a thread, {m.get('kind_not_linked', 0)} in a statement of a kind not linked, "
                      f"{m.get('not_extracted', 0)} in no statement; by kind: "
                      + ", ".join(f"{kind} {n}" for kind, n in run.mention_kinds.most_common()), highlight=False)


def _causes_table(report, console) -> None:
    from pledgebook.evaluate.threads_e2e import CAUSES

    columns = ([TableColumn("cause", 22)] + [TableColumn(_order_name(run), 18, justify="right") for run in report.runs]
               + [TableColumn("meaning", text=True)])
    rows = [[cause, *(str(run.causes[cause]) for run in report.runs), meaning] for cause, meaning in CAUSES.items()]
    rows.append(["  of which", *(str(run.kept_apart) for run in report.runs),
                 "different_threads pairs whose own score reaches the threshold: clustering kept them apart"])
    print_table(console, columns, rows, title="lost same pairs, by cause")


def _pairs_table(title: str, pairs, shown, shown_in: str, console) -> None:
    """``pairs`` as a table, leaving out those already ``shown`` (the first order's) alike."""
    if not pairs:
        console.print(f"{title}: none", highlight=False)
        return
    before = {_same_outcome(p) for p in shown}
    fresh = [p for p in pairs if _same_outcome(p) not in before]
    if len(fresh) < len(pairs):
        console.print(f"{title}: {len(pairs) - len(fresh)} as in {shown_in} (not repeated)"
                      + ("" if fresh else ", no other"), highlight=False)
    if not fresh:
        return
    columns = [TableColumn("relationship / thread", 24, drop=1), TableColumn("cause", 24, drop=2),
               TableColumn("score", 5, justify="right"), TableColumn("mention a", text=True),
               TableColumn("mention b", text=True)]
    rows = []
    for p in fresh:
        threads = p.pair.a.thread if p.pair.same else f"{p.pair.a.thread} / {p.pair.b.thread}"
        rows.append([f"{p.pair.a.relationship} {threads}", f"{p.cause} ({p.gate})" if p.gate else p.cause or "",
                     "" if p.score is None else f"{p.score:.2f}", _mention_cell(p.a), _mention_cell(p.b)])
    print_table(console, columns, rows, title=title, lines=4)


def _same_outcome(p) -> tuple:
    """What a judged pair looks like in a run, for comparing runs (thread ids differ between ledgers)."""
    return (p.pair, p.cause, p.a.status, p.b.status, p.a.statement and p.a.statement.text,
            p.b.statement and p.b.statement.text)


def _mention_cell(outcome) -> str:
    s = outcome.statement
    where = f"{outcome.mention.doc}"
    if s is None:
        cut = " (overlaps a statement)" if outcome.overlaps else ""
        return f"{where}: not extracted{cut}: \"{_short(outcome.mention.anchor)}\""
    thread = f"thread {outcome.thread}" if outcome.thread is not None else "not linked"
    scope = f"by {'+'.join(s.actors) or '?'}, doc {'+'.join(s.parties) or '?'}"  # actors; the document's parties
    return f"{where} [{s.kind}, {thread}, {scope}]: {_short(s.text)}"


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _TEXT_CHARS else flat[: _TEXT_CHARS - 1] + "…"
