"""``pledgebook serve``: the web app and REST API on a ledger (serve/app.py, docs/api.md)."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from pledgebook.serve.cli_support import DB_HELP, EXIT_UNUSABLE, embedder_option, fail, stderr_console
from pledgebook.serve.limits import max_chars_option, max_pdf_pages_option, read_limits

TOKEN_ENV = "PLEDGEBOOK_TOKEN"


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
        port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="Port to listen on."),
        db: str | None = typer.Option(None, "--db", help=DB_HELP),
        token_file: Path | None = typer.Option(
            None, "--token-file", dir_okay=False,
            help=f"File holding the bearer token writes need (upload, merge, split). Default: ${TOKEN_ENV}; "
                 "with neither, the server is read-only and writes answer 403."),
        max_upload_mb: float = typer.Option(20, "--max-upload-mb", min=0.001, max=1024,
                                            help="Largest request body (an upload) in MB; larger ones answer 413."),
        embedder: str | None = embedder_option(),
        max_chars: int = max_chars_option(),
        max_pdf_pages: int = max_pdf_pages_option(),
    ) -> None:
        """Serve the ledger over HTTP: the REST API under /api (docs at /docs) and the web pages.

        The ledger must exist (`pledgebook ingest` or `pledgebook demo` makes one). Prints the
        address, then serves until Ctrl-C.
        """
        import uvicorn

        from pledgebook.serve.app import MB, create_app
        from pledgebook.store import LedgerUnavailable, resolve_db_url

        token = _token(token_file)
        try:
            web = create_app(db, token=token, max_upload_bytes=int(max_upload_mb * MB),
                             read_limits=read_limits(max_chars, max_pdf_pages), embedder=embedder)
        except LedgerUnavailable as err:
            raise fail(str(err), EXIT_UNUSABLE) from None
        except ValueError as err:  # an embedder that cannot run here
            raise fail(f"--embedder: {err}", EXIT_UNUSABLE) from None
        shown = f"[{host}]" if ":" in host else host
        from sqlalchemy.engine import make_url

        ledger = make_url(resolve_db_url(db)).render_as_string(hide_password=True)
        access = "writes need the token" if token else "read-only (no token)"
        stderr_console().print(f"pledgebook serving {ledger} · {access} · API docs http://{shown}:{port}/docs",
                               highlight=False, soft_wrap=True)
        print(f"http://{shown}:{port}/", flush=True)
        uvicorn.run(web, host=host, port=port, log_level="warning", access_log=False, server_header=False)


def _token(path: Path | None) -> str | None:
    """The token from ``path`` (surrounding whitespace dropped), else from $PLEDGEBOOK_TOKEN."""
    if path is None:
        return os.environ.get(TOKEN_ENV, "").strip() or None
    try:
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as err:
        raise fail(f"--token-file {path}: {getattr(err, 'strerror', None) or err}", EXIT_UNUSABLE) from None
    if not token:
        raise fail(f"--token-file {path}: the file is empty", EXIT_UNUSABLE)
    return token
