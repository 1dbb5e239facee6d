"""Ingest many files: read, skip texts already stored by this extractor + codebook, extract
the rest (in worker processes when asked), and store each document in its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pledgebook.codebook import Codebook
from pledgebook.core.data import content_hash
from pledgebook.read.base import ReadError
from pledgebook.read.limits import DEFAULT_LIMITS, ReadLimits
from pledgebook.store.ingest import IngestResult, Outcome, ingest_record, stored_versions


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    reextracted: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

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
) -> IngestSummary:
    """Ingest ``files`` (already expanded); ``on_file(path, status)`` is called once per file
    with status 'new', 're-extracted', 'unchanged' or 'failed'. A file that fails to read or
    whose record the ledger refuses is reported in ``failed``; the others go on. ``codebook``:
    what to extract with (the bundled one by default); ``versions`` overrides what is recorded;
    ``limits``: how large a document may be (a larger one fails, docs/limits.md)."""
    from pledgebook.extract.pipeline import extract_texts

    codebook = codebook or Codebook.load()
    extractor_version, codebook_version = versions or current_versions(codebook)
    summary = IngestSummary()

    def failed(path: str, reason: str) -> None:
        summary.fail(path, reason, on_file)

    pending = unstored_paths(engine, files, (extractor_version, codebook_version), summary, on_file, limits)
    for path, result, text in extract_texts(pending, jobs=jobs, codebook=codebook.directory, limits=limits):
        if isinstance(result, ReadError) or text is None:
            failed(path, getattr(result, "reason", "could not be read"))
            continue
        try:
            # the text the record was extracted from (its hash is checked against the record's)
            outcome = ingest_record(
                engine, result, text, extractor_version=extractor_version, codebook_version=codebook_version
            ).outcome
        except (ReadError, ValueError, IntegrityError) as err:
            failed(path, refusal_reason(err))
            continue
        summary.count(outcome)
        on_file(path, outcome.value)
    return summary


def refusal_reason(err: Exception) -> str:
    """One line saying why the ledger refused a record."""
    return getattr(err, "reason", None) or str(err).splitlines()[0]


def unstored_paths(
    engine: Engine,
    files: Sequence[str],
    versions: tuple[str, str],
    summary: IngestSummary,
    on_file: Callable[[str, str], None],
    limits: ReadLimits = DEFAULT_LIMITS,
) -> list[str]:
    """The files to extract: those whose text has no current run of ``versions`` (extractor,
    codebook). The others are counted in ``summary`` (unchanged, or failed to read) and
    reported through ``on_file``. Reading is cheap next to extraction."""
    from pledgebook.read import read_document

    pending: list[str] = []
    with Session(engine) as session:
        for path in files:
            try:
                raw = read_document(path, source=path, limits=limits)
            except ReadError as err:
                summary.fail(path, err.reason, on_file)
                continue
            if stored_versions(session, content_hash(raw.text)) == versions:
                summary.unchanged += 1
                on_file(path, Outcome.unchanged.value)
            else:
                pending.append(path)
            session.rollback()  # do not hold a read transaction (or SQLite snapshot) open
    return pending


def ingest_file(engine: Engine, path: str, *, source: str, codebook: Codebook | None = None) -> IngestResult:
    """Ingest one file read under the name ``source`` (an upload saved under a temporary path
    keeps its own file name, from which a document's date may come). Raises the reader's
    ``ReadError`` for a file that cannot be read, ``ValueError`` for a record the ledger
    refuses; either way nothing is stored."""
    from pledgebook.extract.pipeline import shared_extractor
    from pledgebook.read import read_document

    codebook = codebook or Codebook.load()
    extractor_version, codebook_version = current_versions(codebook)
    raw = read_document(path, source=source)
    record = shared_extractor(True, str(codebook.directory)).extract(raw)
    return ingest_record(engine, record, raw.text, extractor_version=extractor_version,
                         codebook_version=codebook_version)
