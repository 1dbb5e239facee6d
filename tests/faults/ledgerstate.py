"""What a ledger holds, in a form two ledgers can be compared by (row ids and times left out),
and the invariants every ledger must keep whatever moment a writer died at."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from pledgebook.link.membership import current_members, members_from_log
from pledgebook.scale.compare import differences, ledger_fingerprint
from pledgebook.store.resume import count_unlinked


@dataclass(frozen=True)
class LedgerState:
    """A ledger's content (``scale.compare.ledger_fingerprint``: every row but ids and times,
    as the Ray tests and bench/scale.py compare ledgers; threads as their members' keys, since
    a ledger a writer finished in two linking passes may label a thread or score a member
    differently) and its runs waiting for linking."""

    fingerprint: dict[str, list[tuple]]
    unlinked: int  # current runs waiting for linking

    @property
    def documents(self) -> frozenset[str]:  # each row's repr (rows hold lists: JSON columns)
        return frozenset(map(repr, self.fingerprint["documents"]))

    @property
    def runs(self) -> int:  # extraction runs, all documents
        return len(self.fingerprint["runs"])

    @property
    def statements(self) -> frozenset[str]:  # (document hash, the statement's content), any run
        return frozenset(map(repr, self.fingerprint["statements"]))

    @property
    def threads(self) -> frozenset[frozenset[str]]:  # each thread's member keys
        return frozenset(frozenset(m[0] for m in members) for _, members in self.fingerprint["threads"])

    def differences(self, other: LedgerState) -> list[str]:
        out = [f"{table}: {n} rows differ" for table, n in differences(self.fingerprint, other.fingerprint).items()]
        if self.unlinked != other.unlinked:
            out.append(f"unlinked runs: {self.unlinked} here, {other.unlinked} there")
        return out


def ledger_state(engine: Engine) -> LedgerState:
    return LedgerState(ledger_fingerprint(engine, thread_details=False), count_unlinked(engine))


def consistency_errors(engine: Engine, *, settled: bool) -> list[str]:
    """Broken invariants (empty when none). ``settled``: no writer is due to finish anything,
    so every current run is linked and threads hold only current statements."""
    checks = {
        "a document without exactly one current run":
            "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM extraction_runs r "
            "WHERE r.document_id = d.id AND r.is_current) <> 1",
        "a statement of another document's run":
            "SELECT count(*) FROM statements s JOIN extraction_runs r ON r.id = s.run_id "
            "WHERE r.document_id <> s.document_id",
        "an orphaned statement":
            "SELECT count(*) FROM statements s WHERE NOT EXISTS (SELECT 1 FROM extraction_runs r WHERE r.id = s.run_id)",
        "a duplicate document": "SELECT count(*) - count(DISTINCT content_hash) FROM documents",
        "a member of a missing thread":
            "SELECT count(*) FROM thread_members m WHERE NOT EXISTS (SELECT 1 FROM threads t WHERE t.id = m.thread_id)",
    }
    if settled:
        checks["a thread member that is not a current statement"] = (
            "SELECT count(*) FROM thread_members m WHERE NOT EXISTS (SELECT 1 FROM statements s "
            "JOIN extraction_runs r ON r.id = s.run_id WHERE r.is_current AND s.stable_key = m.statement_key)")
    errors = []
    with engine.connect() as conn:
        for what, sql in checks.items():
            if (n := conn.execute(text(sql)).scalar_one()):
                errors.append(f"{n} x {what}")
        if engine.dialect.name == "sqlite":
            if (result := conn.exec_driver_sql("PRAGMA integrity_check").scalar_one()) != "ok":
                errors.append(f"integrity_check: {result}")
            if conn.exec_driver_sql("PRAGMA foreign_key_check").all():
                errors.append("foreign_key_check failed")
            fts = conn.execute(text("SELECT count(*) FROM statements_fts")).scalar_one()
            if fts != conn.execute(text("SELECT count(*) FROM statements")).scalar_one():
                errors.append("the search index and the statements differ")
    with Session(engine) as session:
        if current_members(session) != members_from_log(session):
            errors.append("thread_members is not what the membership log says")
    errors += broken_chains(engine)
    if settled and (n := count_unlinked(engine)):
        errors.append(f"{n} current runs never linked")
    return errors


def broken_chains(engine: Engine) -> list[str]:
    """Each statement's membership log must be one chain: every move leaves the thread the
    previous move entered (two writers that read the same state and both moved a statement
    would break it: a lost or a duplicated move)."""
    where: dict[str, int | None] = {}
    broken = []
    with engine.connect() as conn:
        for key, came_from, went_to in conn.execute(text(
                "SELECT statement_key, from_thread_id, to_thread_id FROM thread_membership_log ORDER BY id")):
            if where.get(key) != came_from:
                broken.append(f"{key}: moved from {came_from} while in {where.get(key)}")
            where[key] = went_to
    return broken[:5]
