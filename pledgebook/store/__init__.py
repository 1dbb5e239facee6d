"""pledgebook.store: the ledger database (SQLite by default, PostgreSQL for teams).

See docs/storage.md for the schema, the default location, migrations and idempotence rules.
"""

from pledgebook.store.database import LedgerUnavailable, open_database
from pledgebook.store.engine import DB_ENV, resolve_db_url
from pledgebook.store.ingest import IngestResult, Outcome, ingest_record, stored_versions
from pledgebook.store.ledger import LedgerFilter, LedgerPosition, LedgerRow, query_ledger, query_ledger_page
from pledgebook.store.migrate import upgrade_database
from pledgebook.store.records import load_record

__all__ = [
    "DB_ENV",
    "IngestResult",
    "LedgerFilter",
    "LedgerPosition",
    "LedgerRow",
    "LedgerUnavailable",
    "Outcome",
    "ingest_record",
    "load_record",
    "open_database",
    "query_ledger",
    "query_ledger_page",
    "resolve_db_url",
    "stored_versions",
    "upgrade_database",
]
