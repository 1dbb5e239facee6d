"""The ledger's integrity, checked with plain SQL on a SQLite file: what a hostile document
must never leave behind (a broken row, an orphan, a span that does not quote its text)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

_CHECKS = {
    "a document whose chars is not its text's length": "SELECT id FROM documents WHERE chars != length(text)",
    "a document without exactly one current run": """
        SELECT d.id FROM documents d LEFT JOIN extraction_runs r ON r.document_id = d.id AND r.is_current
        GROUP BY d.id HAVING count(r.id) != 1""",
    "a statement outside its document's text": """
        SELECT s.id FROM statements s JOIN documents d ON d.id = s.document_id
        WHERE s.start < 0 OR s."end" <= s.start OR s."end" > d.chars""",
    "a statement whose text is not the span it quotes": """
        SELECT s.id FROM statements s JOIN documents d ON d.id = s.document_id
        WHERE substr(d.text, s.start + 1, s."end" - s.start) != s.text""",
    "a statement of a run of another document": """
        SELECT s.id FROM statements s JOIN extraction_runs r ON r.id = s.run_id WHERE r.document_id != s.document_id""",
    "an entity whose surface is not the text it points to": """
        SELECT e.id FROM statement_entities e JOIN statements s ON s.id = e.statement_id
        JOIN documents d ON d.id = s.document_id
        WHERE e.start < 0 OR e."end" > d.chars OR substr(d.text, e.start + 1, e."end" - e.start) != e.surface""",
    "a time phrase outside its document": """
        SELECT s.id FROM statements s JOIN documents d ON d.id = s.document_id
        WHERE s.when_start IS NOT NULL AND (s.when_start < 0 OR s.when_end > d.chars OR s.when_end < s.when_start)""",
}


def ledger_problems(path: Path) -> list[str]:
    """Every integrity problem of the SQLite ledger at ``path`` (empty when sound)."""
    with sqlite3.connect(path) as db:
        problems = [f"integrity_check: {row[0]}" for row in db.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [f"foreign key: {row}" for row in db.execute("PRAGMA foreign_key_check")]
        for what, sql in _CHECKS.items():
            ids = [row[0] for row in db.execute(sql)]
            if ids:
                problems.append(f"{what}: ids {ids[:5]}")
    return problems
