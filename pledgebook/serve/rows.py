"""Kinds of rows and their columns: one column set per kind, whichever command prints it.

A statement has the same columns in ``extract``, ``ledger`` and ``export`` (and, later, in the
API), in CSV, Parquet and JSON alike. Row values are plain: strings, integers, lists of strings
and ``None``; renderers decide how a cell looks (serve/render.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from pledgebook.core.data import ExtractionRecord
    from pledgebook.link.views import ThreadView
    from pledgebook.store.ledger import LedgerRow

ColumnType = Literal["str", "int", "list"]  # "list": a list of strings (or None)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType = "str"
    prose: bool = False  # free text that may hold line breaks: one line in a CSV cell


@dataclass(frozen=True, slots=True)
class RowKind:
    name: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _columns(spec: str) -> tuple[Column, ...]:
    """``"a b:int c:list d:prose"`` -> columns (type str unless given)."""
    out = []
    for word in spec.split():
        name, _, tag = word.partition(":")
        out.append(Column(name, "str" if tag in ("", "prose") else tag, prose=tag == "prose"))
    return tuple(out)


STATEMENTS = RowKind("statements", _columns(
    "statement_id record_id document_id document_source document_date document_title:prose document_place "
    "document_parties:list kind actors:list non_state_actors:list strength sectors:list entities:list text:prose start:int end:int "
    "when:prose when_date due due_precision due_event:prose plover cameo rule trigger trigger_words:list actor_source rationale:prose "
    "status"
))

# PLOVER/POLECAT-style dyadic events (export --format events), one per actor and other party.
EVENTS = RowKind("events", _columns(
    "event_id event_date actor recipient event_type event_mode cameo contexts:list location source "
    "statement_id statement_kind strength start:int end:int text:prose"
))

THREADS = RowKind("threads", _columns(
    "thread_id:int label:prose documents:int statements:int first_seen last_seen strengths:list strength_change "
    "entities:list latest_statement_id latest_text:prose status"
))

# `pledgebook dossiers`: an entity and how much the ledger says about it.
DOSSIERS = RowKind("dossiers", _columns(
    "entity entity_kind documents:int statements:int threads:int first_year:int last_year:int"
))


def record_statement_rows(record: ExtractionRecord) -> Iterator[dict]:
    """The statements of an extraction record, as rows of STATEMENTS."""
    doc = record.document
    for st in record.statements:
        yield {
            "statement_id": st.id, "record_id": st.id, "document_id": doc.id, "document_source": doc.source,
            "document_date": doc.date, "document_title": doc.title, "document_place": doc.place,
            "document_parties": list(doc.parties), "kind": st.kind, "actors": list(st.actors),
            "non_state_actors": list(st.non_state_actors),
            "strength": st.strength, "sectors": list(st.sectors),
            "entities": list(dict.fromkeys(e.name for e in st.entities)),
            "text": st.text, "start": st.start, "end": st.end,
            "when": st.when.text if st.when else None, "when_date": st.when.date if st.when else None,
            "due": st.when.due if st.when else None, "due_precision": st.when.precision if st.when else None,
            "due_event": st.when.event if st.when else None,
            "plover": st.plover, "cameo": st.cameo, "rule": st.rule, "trigger": st.trigger,
            "trigger_words": list(st.trigger_words), "actor_source": st.actor_source, "rationale": st.rationale,
            "status": None,  # tracked once stored (docs/tracking.md)
        }


def ledger_statement_row(row: LedgerRow) -> dict:
    """A stored statement, as a row of STATEMENTS (LedgerRow has exactly these fields)."""
    d = row.to_dict()
    return {name: d[name] for name in STATEMENTS.names}


def event_rows(statement: dict) -> Iterator[dict]:
    """PLOVER/POLECAT-style dyadic events of a STATEMENTS row: one per (actor, other party) when
    the statement has a PLOVER type, so a joint undertaking is an event in both directions; a
    statement with a single actor and no other party gets ``recipient: None``. A company or an
    international organisation that undertakes it is the actor when no party does ("World Bank"
    toward each of the document's parties)."""
    if not statement["plover"]:
        return
    for actor in statement["actors"] or statement.get("non_state_actors") or []:
        for recipient in [p for p in statement["document_parties"] if p != actor] or [None]:
            yield {
                "event_id": f"{statement['statement_id']}:{actor}>{recipient or '-'}",
                "event_date": statement["document_date"], "actor": actor, "recipient": recipient,
                "event_type": statement["plover"], "event_mode": None,  # not coded yet
                "cameo": statement["cameo"], "contexts": statement["sectors"],
                "location": statement["document_place"], "source": statement["document_source"],
                "statement_id": statement["statement_id"], "statement_kind": statement["kind"],
                "strength": statement["strength"], "start": statement["start"], "end": statement["end"],
                "text": statement["text"],
            }


def thread_row(view: ThreadView) -> dict:
    """A thread, as a row of THREADS: its span in time and its latest wording."""
    latest = view.members[-1] if view.members else None
    return {
        "thread_id": view.id, "label": view.label, "documents": view.documents,
        "statements": len(view.members), "first_seen": view.first_seen, "last_seen": view.last_seen,
        "strengths": list(view.strengths), "strength_change": view.strength_change,
        "entities": list(dict.fromkeys(e for m in view.members for e in m.entities)),
        "latest_statement_id": latest.statement_id if latest else None,
        "latest_text": latest.text if latest else None, "status": view.status,
    }
