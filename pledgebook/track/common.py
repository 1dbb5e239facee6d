"""What the tracking services share: the error they raise, and how they resolve what a user
names (a thread, a statement, a dossier, a party, a document, a span, an author)."""

from __future__ import annotations

import difflib
import getpass
import re
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from pledgebook.codebook import Codebook, CodebookError
from pledgebook.codebook.tracking import Tracking, load_tracking
from pledgebook.link.dossier import UnknownEntity, entity_spellings
from pledgebook.store.models import Document, ExtractionRun, Statement, Thread
from pledgebook.store.review import ADDED_PREFIX, reviews

_SPAN = re.compile(r"^\s*(\d+)\s*[-:]\s*(\d+)\s*$")


class TrackError(ValueError):
    """Something a user named does not exist or is not allowed; the message is one line and
    lists the valid values (or says where to find them). Nothing was written."""


@dataclass(frozen=True, slots=True)
class Target:
    """What a status entry is about: exactly one of a thread, a statement or a dossier."""

    thread_id: int | None = None
    statement_key: str | None = None
    dossier: str | None = None  # the entity's canonical name

    @property
    def kind(self) -> str:
        return "thread" if self.thread_id is not None else "statement" if self.statement_key else "dossier"

    @property
    def id(self) -> str:
        return str(self.thread_id) if self.thread_id is not None else self.statement_key or self.dossier or ""

    def describe(self) -> str:
        return f"{self.kind} {self.id}"


def labels(tracking: Tracking | None = None) -> Tracking:
    """``tracking``, else the configured tracking labels; a bad labels file is a ``TrackError``."""
    if tracking is not None:
        return tracking
    try:
        return load_tracking()
    except CodebookError as err:
        raise TrackError(f"tracking labels: {' '.join(str(err).split())}") from None


def default_author(author: str | None) -> str:
    """``author``, else the login name of the OS user."""
    if author and author.strip():
        return author.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def resolve_target(engine: Engine, ident: str | None, dossier: str | None, codebook: Codebook | None = None) -> Target:
    """A thread id (digits) or a statement id as `threads` / `ledger` print them, or a
    dossier by any name of its entity (as `pledgebook dossier` resolves it)."""
    if (ident is None) == (dossier is None):
        raise TrackError("give a thread or statement id, or --dossier NAME (one of them)")
    if dossier is not None:
        try:
            return Target(dossier=entity_spellings(engine, dossier, codebook)[0])
        except UnknownEntity as err:
            raise TrackError(str(err)) from None
    ident = ident.strip() if ident else ""
    with Session(engine) as session:
        if ident.isdigit():
            if session.get(Thread, int(ident)) is None:
                raise TrackError(f"no thread {ident} (`pledgebook threads --min-docs 1` lists the thread ids)")
            return Target(thread_id=int(ident))
        if not statement_exists(session, ident):
            raise TrackError(f"no statement {ident!r} (`pledgebook ledger` prints statement ids; "
                             "a thread id is a number)")
    return Target(statement_key=ident)


def statement_exists(session: Session, key: str) -> bool:
    """A current statement's stable key, or a statement an analyst added."""
    if key.startswith(ADDED_PREFIX):
        return any(r.state == "added" for r in reviews(session, [key]).values())
    return session.scalar(
        select(Statement.id).join(ExtractionRun, ExtractionRun.id == Statement.run_id)
        .where(Statement.stable_key == key, ExtractionRun.is_current.is_(True)).limit(1)) is not None


def resolve_party(value: str, codebook: Codebook) -> str:
    """A party code (KEN, G7) or a name the codebook knows ("Kenya" -> KEN)."""
    book = codebook.actors
    codes = sorted({*book.countries, *book.groups})
    code = value.upper() if value.upper() in codes else book.lookup(value)
    if code is None:
        close = difflib.get_close_matches(value.upper(), codes, n=5, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise TrackError(f"unknown party {value!r} ({hint}`pledgebook actors` lists every code)")
    return code


def resolve_document(session: Session, value: str) -> Document:
    """A stored document by the id `ledger` prints (``document_id``) or by its source."""
    doc = session.scalars(select(Document).where((Document.record_id == value) | (Document.source == value))
                          .order_by(Document.id)).first()
    if doc is None:
        raise TrackError(f"no stored document {value!r} (give the document_id `pledgebook ledger -f json` prints, "
                         "or its source path)")
    return doc


def parse_span(value: str, doc: Document) -> tuple[int, int]:
    """``START-END`` character offsets into the document's text."""
    match = _SPAN.match(value)
    if not match:
        raise TrackError(f"span {value!r} is not START-END (character offsets, e.g. 120-188)")
    start, end = int(match.group(1)), int(match.group(2))
    if not 0 <= start < end <= len(doc.text):
        raise TrackError(f"span {value!r} is outside the document (0-{len(doc.text)}, start before end)")
    return start, end
