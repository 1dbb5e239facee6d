"""Alembic environment for the ledger. Run through ``pledgebook.store.migrate``, which hands
over an open connection in ``config.attributes["connection"]``."""

from __future__ import annotations

from alembic import context

from pledgebook.store.engine import make_engine, resolve_db_url
from pledgebook.store.migrate import include_object
from pledgebook.store.models import Base

def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        transaction_per_migration=True,  # each migration commits with its version row
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # the alembic command line: `alembic -x db=URL_OR_PATH upgrade head`
    engine = make_engine(resolve_db_url(context.get_x_argument(as_dictionary=True).get("db")))
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()
