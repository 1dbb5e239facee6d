"""Rendering extraction records: table, json, jsonl, csv."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table

from pledgebook.core.data import ExtractionRecord

CSV_COLUMNS = [
    "document_id", "source", "date", "statement_id", "start", "end", "kind", "actors", "strength",
    "sectors", "entities", "when", "plover", "cameo", "text", "rationale",
]


def record_json(record: ExtractionRecord, indent: int | None = 2) -> str:
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def csv_rows(record: ExtractionRecord) -> Iterable[dict]:
    doc = record.document
    for st in record.statements:
        yield {
            "document_id": doc.id, "source": doc.source, "date": doc.date or "", "statement_id": st.id,
            "start": st.start, "end": st.end, "kind": st.kind, "actors": ";".join(st.actors),
            "strength": st.strength or "", "sectors": ";".join(st.sectors),
            "entities": ";".join(e.name for e in st.entities), "when": st.when.text if st.when else "",
            "plover": st.plover or "", "cameo": st.cameo or "", "text": " ".join(st.text.split()),
            "rationale": st.rationale,
        }


class CsvSink:
    def __init__(self, out: TextIO = sys.stdout) -> None:
        self.writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        self.writer.writeheader()

    def write(self, record: ExtractionRecord) -> None:
        for row in csv_rows(record):
            self.writer.writerow(row)


_KIND_STYLE = {"commitment": "bold green", "position": "cyan", "appreciation": "magenta",
               "agreement": "yellow", "meeting": "blue", "discussion": "white"}


def print_table(record: ExtractionRecord, console: Console) -> None:
    doc = record.document
    counts: dict[str, int] = {}
    for st in record.statements:
        counts[st.kind] = counts.get(st.kind, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])) or "no statements"
    console.print(f"[bold]{doc.title or doc.source}[/bold]")
    console.print(
        f"  date {doc.date or '?'} · place {doc.place or '?'} · parties {', '.join(doc.parties) or '?'} · "
        f"kind {doc.kind} · agreements signed {record.agreements_signed if record.agreements_signed is not None else '?'}"
    )
    console.print(f"  {summary}")
    table = Table(show_lines=False, expand=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("actors", no_wrap=True)
    table.add_column("str.", no_wrap=True)
    table.add_column("sectors")
    table.add_column("entities")
    table.add_column("when")
    table.add_column("text", ratio=3)
    for st in record.statements:
        table.add_row(
            f"[{_KIND_STYLE.get(st.kind, 'white')}]{st.kind}[/]",
            ",".join(st.actors),
            st.strength or "",
            ", ".join(st.sectors),
            ", ".join(dict.fromkeys(e.name for e in st.entities)),
            st.when.text if st.when else "",
            " ".join(st.text.split()),
        )
    console.print(table)
