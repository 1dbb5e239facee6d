"""Batched ledger writes from one driver: many documents per transaction instead of one.

A batch is one write transaction (one commit, one ``BEGIN IMMEDIATE`` wait on SQLite, one
round of fsync); each document in it gets a savepoint, so a record the ledger refuses fails
alone and the others are stored. The statuses are reported after the commit: a file is
'new' only once it is durable. Records are written in the order they were added."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pledgebook.core.data import ExtractionRecord
from pledgebook.read.base import ReadError
from pledgebook.store.batch import IngestSummary, refusal_reason
from pledgebook.store.engine import writer
from pledgebook.store.faults import NO_RECONNECT, Reconnect
from pledgebook.store.ingest import Outcome, ingest_record


class LedgerBatch:
    """Records waiting to be stored; ``write`` stores them all in one transaction."""

    def __init__(self, engine: Engine, versions: tuple[str, str], summary: IngestSummary,
                 on_file: Callable[[str, str], None], reconnect: Reconnect = NO_RECONNECT) -> None:
        self._engine = engine
        self._reconnect = reconnect
        self._versions = versions
        self._summary = summary
        self._on_file = on_file
        self._waiting: list[tuple[str, ExtractionRecord, str]] = []

    def __len__(self) -> int:
        return len(self._waiting)

    def add(self, path: str, record: ExtractionRecord, text: str) -> None:
        """Queue ``record``, extracted from ``text`` (the file at ``path``)."""
        self._waiting.append((path, record, text))

    def write(self) -> None:
        """Store the queued records, commit, then count and report each one. A transaction
        the database server dropped is written again (``reconnect``): it was rolled back whole."""
        if not self._waiting:
            return
        outcomes = self._reconnect.run(self._transaction)
        self._waiting.clear()
        for path, outcome in outcomes:
            if isinstance(outcome, Outcome):
                self._summary.count(outcome)
                self._on_file(path, outcome.value)
            else:
                self._summary.fail(path, outcome, self._on_file)

    def _transaction(self) -> list[tuple[str, Outcome | str]]:
        with Session(writer(self._engine), expire_on_commit=False) as session, session.begin():
            return [(path, self._store(session, record, text)) for path, record, text in self._waiting]

    def _store(self, session: Session, record: ExtractionRecord, text: str) -> Outcome | str:
        """The document's outcome, or why the ledger refused it (its savepoint rolled back)."""
        extractor_version, codebook_version = self._versions
        for attempt in range(2):
            try:
                return ingest_record(session, record, text, extractor_version=extractor_version,
                                     codebook_version=codebook_version).outcome
            except (ReadError, ValueError) as err:
                return refusal_reason(err)
            except IntegrityError as err:
                # PostgreSQL: another process stored the same text after our check; the retry
                # sees its row (read committed) and finds the document stored.
                if attempt == 1:
                    return refusal_reason(err)
        raise AssertionError("unreachable")
