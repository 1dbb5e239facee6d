"""Export current statements: CSV, JSONL, Parquet, and PLOVER-style event JSONL."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from pledgebook.store.ledger import LedgerRow

LIST_FIELDS = ("actors", "sectors", "trigger_words", "entities", "document_parties")


def flat_rows(rows: Iterable[LedgerRow]) -> Iterator[dict]:
    """Rows with list fields joined by ';' (CSV cells)."""
    for row in rows:
        d = row.to_dict()
        for key in LIST_FIELDS:
            d[key] = ";".join(d[key])
        yield d


def write_csv(rows: list[LedgerRow], out: TextIO) -> None:
    fields = list(LedgerRow.__dataclass_fields__)
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    writer.writerows(flat_rows(rows))


def write_jsonl(rows: Iterable[LedgerRow | dict], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row if isinstance(row, dict) else row.to_dict(), ensure_ascii=False) + "\n")


def write_parquet(rows: list[LedgerRow], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # An explicit schema keeps column types stable even for an empty export.
    lst = pa.list_(pa.string())
    schema = pa.schema([
        ("statement_id", pa.string()), ("record_id", pa.string()), ("document_id", pa.int64()),
        ("document_source", pa.string()), ("document_date", pa.string()), ("document_title", pa.string()),
        ("document_place", pa.string()), ("document_parties", lst), ("kind", pa.string()), ("actors", lst), ("strength", pa.string()),
        ("sectors", lst), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("when", pa.string()), ("when_date", pa.string()), ("plover", pa.string()), ("cameo", pa.string()),
        ("rule", pa.string()), ("trigger", pa.string()), ("trigger_words", lst), ("actor_source", pa.string()),
        ("rationale", pa.string()), ("entities", lst),
    ])
    assert schema.names == list(LedgerRow.__dataclass_fields__), "keep the Parquet schema in step with LedgerRow"
    pq.write_table(pa.Table.from_pylist([r.to_dict() for r in rows], schema=schema), path)


def plover_events(rows: Iterable[LedgerRow]) -> Iterator[dict]:
    """PLOVER/POLECAT-style dyadic events: one per (actor, other party) of each statement
    that has a PLOVER type — a joint undertaking is an event in both directions. Statements
    with a single actor and no other party get ``recipient: null``."""
    for row in rows:
        if not row.plover:
            continue
        for actor in row.actors:
            others = [p for p in row.document_parties if p != actor] or [None]
            for recipient in others:
                yield {
                    "event_id": f"{row.statement_id}:{actor}>{recipient or '-'}",
                    "event_date": row.document_date,
                    "actor": actor,
                    "recipient": recipient,
                    "event_type": row.plover,
                    "event_mode": None,  # not coded yet
                    "cameo": row.cameo,
                    "contexts": row.sectors,
                    "location": row.document_place,
                    "source": row.document_source,
                    "statement_id": row.statement_id,
                    "statement_kind": row.kind,
                    "strength": row.strength,
                    "start": row.start,
                    "end": row.end,
                    "text": row.text,
                }
