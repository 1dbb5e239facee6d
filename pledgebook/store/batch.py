"""Ingest many files: read, skip texts already stored by this extractor + codebook, extract
the rest (in worker processes when asked), and store each document in its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from pledgebook.codebook import Codebook
from pledgebook.core.data import content_hash
from pledgebook.read.base import RawDocument, ReadError
from pledgebook.read.limits import DEFAULT_LIMITS, ReadLimits
from pledgebook.store.faults import NO_RECONNECT, Reconnect
from pledgebook.store.ingest import IngestResult, Outcome, ingest_record, stored_versions


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    reextracted: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, warning) of documents extracted
    reconnects: int = 0  # ledger transactions retried after the database server dropped the connection

    def fail(self, path: str, reason: str, on_file: Callable[[str, str], None]) -> None:
        self.failed.append((path, reason))
        on_file(path, "failed")

    def count(self, outcome: Outcome) -> None:
        if outcome is Outcome.new:
            self.new += 1
        elif outcome is Outcome.unchanged:
            self.unchanged += 1
        else:
            self.reextracted += 1

    def reconnect(self, reconnect: Reconnect) -> Reconnect:
        """``reconnect``, counting its retries here."""
        def counted(err: DBAPIError, wait: float) -> None:
            self.reconnects += 1
            reconnect.on_retry(err, wait)

        return replace(reconnect, on_retry=counted)


def current_versions(codebook: Codebook | None = None) -> tuple[str, str]:
    """(extractor_version, codebook_version) of this extractor's code and of ``codebook``
    (the bundled one by default), for provenance (pledgebook/extract/version.py)."""
    from pledgebook.extract.version import codebook_version, extractor_version

    return extractor_version(), codebook_version(codebook)


def ingest_paths(
    engine: Engine,
    files: Sequence[str],
    *,
    jobs: int = 1,
    codebook: Codebook | None = None,
    versions: tuple[str, str] | None = None,
    on_file: Callable[[str, str], None] = lambda path, status: None,
    limits: ReadLimits = DEFAULT_LIMITS,
    reconnect: Reconnect = NO_RECONNECT,
) -> IngestSummary:
    """Ingest ``files`` (already expanded); ``on_file(path, status)`` is called once per file
    with status 'new', 're-extracted', 'unchanged' or 'failed'. A file that fails to read or
    whose record the ledger refuses is reported in ``failed``; the others go on. ``codebook``:
    what to extract with (the bundled one by default); ``versions`` overrides what is recorded;
    ``limits``: how large a document may be (a larger one fails, docs/limits.md);
    ``reconnect``: how long to retry a write or check the database server dropped.
    Each file is read once: the text checked against the ledger is the one extracted."""
    from pledgebook.extract.pipeline import extract_documents

    codebook = codebook or Codebook.load()
    extractor_version, codebook_version = versions or current_versions(codebook)
    summary = IngestSummary()
    reconnect = summary.reconnect(reconnect)
    pending = unstored_documents(engine, files, (extractor_version, codebook_version), summary, on_file,
                                 limits=limits, reconnect=reconnect)
    for path, raw, record in extract_documents(pending, jobs=jobs, codebook=codebook.directory):
        try:
            # the text the record was extracted from (its hash is checked against the record's)
            outcome = reconnect.run(lambda: ingest_record(  # noqa: B023 - run at once
                engine, record, raw.text, extractor_version=extractor_version, codebook_version=codebook_version
            ).outcome)
        except (ReadError, ValueError, IntegrityError) as err:
            summary.fail(path, refusal_reason(err), on_file)
            continue
        summary.count(outcome)
        on_file(path, outcome.value)
    return summary


def refusal_reason(err: Exception) -> str:
    """One line saying why the ledger refused a record."""
    return getattr(err, "reason", None) or str(err).splitlines()[0]


def unstored_documents(
    engine: Engine,
    files: Sequence[str],
    versions: tuple[str, str],
    summary: IngestSummary,
    on_file: Callable[[str, str], None],
    *,
    limits: ReadLimits = DEFAULT_LIMITS,
    reconnect: Reconnect = NO_RECONNECT,
) -> Iterator[tuple[str, RawDocument]]:
    """The documents to extract, read once each and as they are asked for (so a caller that
    extracts as it goes holds only the documents in flight): those whose text has no current
    run of ``versions`` (extractor, codebook). The others are counted in ``summary``
    (unchanged, or failed to read) and reported through ``on_file``; the warnings about a
    document to extract (``read.checks``) go to ``summary.warnings``."""
    from pledgebook.read import read_document
    from pledgebook.read.checks import document_warnings

    def stored(text: str) -> tuple[str, str] | None:
        with Session(engine) as session:  # a short read: no transaction (or SQLite snapshot) held
            return stored_versions(session, content_hash(text))

    for path in files:
        try:
            raw = read_document(path, source=path, limits=limits)
        except ReadError as err:
            summary.fail(path, err.reason, on_file)
            continue
        if reconnect.run(lambda: stored(raw.text)) == versions:  # noqa: B023 - run at once
            summary.unchanged += 1
            on_file(path, Outcome.unchanged.value)
            continue
        summary.warnings += [(path, warning) for warning in document_warnings(raw)]
        yield path, raw


def ingest_file(engine: Engine, path: str, *, source: str, codebook: Codebook | None = None,
                limits: ReadLimits = DEFAULT_LIMITS) -> IngestResult:
    """Ingest one file read under the name ``source`` (an upload saved under a temporary path
    keeps its own file name, from which a document's date may come). Raises the reader's
    ``ReadError`` for a file that cannot be read (``read.OverLimit`` for one over ``limits``),
    ``ValueError`` for a record the ledger refuses; either way nothing is stored."""
    from pledgebook.extract.pipeline import shared_extractor
    from pledgebook.read import read_document

    codebook = codebook or Codebook.load()
    extractor_version, codebook_version = current_versions(codebook)
    raw = read_document(path, source=source, limits=limits)
    record = shared_extractor(True, str(codebook.directory)).extract(raw)
    return ingest_record(engine, record, raw.text, extractor_version=extractor_version,
                         codebook_version=codebook_version)
