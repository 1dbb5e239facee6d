"""Readable tables for evaluation reports (the JSON form is ``EvalReport.to_dict``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pledgebook.evaluate.scorer import Counts, EvalReport, RuleCounts

if TYPE_CHECKING:
    from pledgebook.evaluate.bench import BenchResult

_MISS_STYLE = {"fp": "red", "fn": "yellow", "undetected": "yellow", "kind": "magenta", "actors": "cyan",
               "strength": "cyan"}


def num(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def print_report(report: EvalReport, console: Console, details: bool = False) -> None:
    table = Table(title="Commitment extraction against gold", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                  caption="actors = actor accuracy on TP; kinds = kind accuracy of the other kinds; ent.R = entity recall",
                  caption_justify="left")
    table.add_column("document", overflow="fold", min_width=10)
    table.add_column("genre", overflow="fold", min_width=8)
    for name in ("gold", "TP", "FP", "FN", "P", "R", "F1", "actors", "kinds", "ent.R"):
        # numbers never wrap; the two text columns give way on narrow terminals
        table.add_column(name, justify="right", no_wrap=True)
    for doc in report.documents:
        table.add_row(escape(doc.name), doc.genre, *_row(doc.counts))
    table.add_section()
    table.add_row(f"[bold]overall ({len(report.documents)} docs)[/bold]", "", *_row(report.overall))
    genres = report.by_genre()
    if len(genres) > 1:
        table.add_section()
        for genre, counts in genres.items():
            table.add_row("[dim]by genre[/dim]", genre, *_row(counts))
    console.print(table)

    overall = report.overall
    m = overall.metrics()
    more = Table(title="Overall, further measures", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    more.add_column("measure")
    more.add_column("value", justify="right")
    more.add_column("over", justify="right")
    more.add_row("strength accuracy", num(m["strength_accuracy"]), f"{overall.strength_n} TP pairs")
    more.add_row("actor accuracy, all matched pairs", num(m["actor_accuracy_all_pairs"]), f"{overall.pair_actor_n} pairs")
    more.add_row("coverage of other kinds (detection)", num(m["kind_coverage"]), f"{overall.other_gold} gold")
    more.add_row("sector P / R / F1", f"{num(m['sector_precision'])} / {num(m['sector_recall'])} / {num(m['sector_f1'])}",
                 f"{overall.sector_tp + overall.sector_fn} gold sectors")
    more.add_row("main sector accuracy", num(m["main_sector_accuracy"]), f"{overall.main_sector_n} pairs")
    more.add_row("entity precision", num(m["entity_precision"]), f"{overall.entity_pred} predicted")
    more.add_row("due date P / R", f"{num(m['due_precision'])} / {num(m['due_recall'])}",
                 f"{overall.due_pred} predicted, {overall.due_gold} gold")
    more.add_row("predicted commitments on optional gold (ignored)", str(overall.ignored), "")
    console.print(more)

    meta = Table(title="Document metadata", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    meta.add_column("field")
    meta.add_column("correct", justify="right")
    meta.add_column("accuracy", justify="right")
    for name, acc in report.metadata_accuracy().items():
        meta.add_row(name, f"{acc['correct']}/{acc['scored']}", num(acc["accuracy"]))
    console.print(meta)

    weak = report.below_threshold()
    console.print(f"Documents with commitment F1 below {report.threshold:.2f}: "
                  + (escape(", ".join(weak)) if weak else "none"))
    if details:
        _print_details(report, console)


def print_rule_table(report: EvalReport, console: Console) -> None:
    """Precision per rule: what each rule produced and how much of it gold bears out."""
    table = Table(title="By rule (`pledgebook rules` describes them)", title_justify="left", box=box.SIMPLE_HEAD,
                  pad_edge=False, caption_justify="left",
                  caption="P = commitment TP / (TP + FP); kinds = right kind / pairs with gold of the other kinds")
    table.add_column("rule", no_wrap=True)
    for name in ("produced", "commitments", "TP", "FP", "ignored", "P", "pairs", "kinds"):
        table.add_column(name, justify="right", no_wrap=True)
    rules = report.by_rule()
    for rule, c in rules.items():
        m = c.metrics()
        table.add_row(escape(rule), str(c.produced), str(c.commitments), str(c.tp), str(c.fp), str(c.ignored),
                      num(m["precision"]), str(c.paired), num(m["kind_accuracy"]))
    total = sum(rules.values(), RuleCounts())
    m = total.metrics()
    table.add_section()
    table.add_row("[bold]all rules[/bold]", str(total.produced), str(total.commitments), str(total.tp), str(total.fp),
                  str(total.ignored), num(m["precision"]), str(total.paired), num(m["kind_accuracy"]))
    console.print(table)


def _row(c: Counts) -> list[str]:
    m = c.metrics()
    return [str(c.gold_commitments), str(c.tp), str(c.fp), str(c.fn), num(m["precision"]), num(m["recall"]),
            num(m["f1"]), num(m["actor_accuracy"]), num(m["kind_accuracy"]), num(m["entity_recall"])]


def _print_details(report: EvalReport, console: Console) -> None:
    for doc in report.documents:
        if not doc.misses:
            continue
        console.rule(f"{escape(doc.name)}  ({escape(doc.source)})", align="left")
        for miss in doc.misses:
            style = _MISS_STYLE.get(miss.category, "white")
            text = " ".join(miss.text.split())
            console.print(f"[{style}]{miss.category:>10}[/] {miss.start}-{miss.end} {escape(text)}", highlight=False)
            console.print(f"{'':>10}   [dim]{escape(miss.reason)}[/dim]", highlight=False)


def print_bench(result: "BenchResult", console: Console) -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title=f"Throughput on sample '{result.sample}': {result.documents} documents, {result.words:,} words "
                        f"(fastest of {result.repeat})", title_justify="left")
    table.add_column("")
    table.add_column("processes", justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("words/s", justify="right")
    table.add_row("pledgebook end to end (read + extract)", str(result.jobs), f"{result.ours_seconds:.2f}",
                  f"{result.ours_wps:,.0f}")
    table.add_row(f"spaCy {result.spacy_model}, full pipeline", "1", f"{result.spacy_seconds:.2f}",
                  f"{result.spacy_wps:,.0f}")
    console.print(table)
    console.print(f"ratio pledgebook / spaCy: [bold]{result.ratio:.2f}[/bold]"
                  + ("  (spaCy baseline single-process)" if result.jobs > 1 else "")
                  + f"; by CPU time {result.cpu_ratio:.2f} ({result.ours_cpu_seconds:.2f} s vs {result.spacy_cpu_seconds:.2f} s)")
    console.print(f"spaCy components: {', '.join(result.spacy_components)}; model load and warm-up excluded for both")
    console.print(f"statements extracted: {result.statements:,}")
    console.print(f"peak RSS: extraction {result.peak_rss_extract_mb:,.0f} MB (this process before the baseline is "
                  f"loaded), this process at the end {result.peak_rss_self_mb:,.0f} MB (both pipelines loaded and "
                  f"run), largest worker {result.peak_rss_children_mb:,.0f} MB")
    for message in result.read_errors:
        console.print(f"[red]skipped[/red] {escape(message)}", highlight=False)
