"""The web UI's pages (server-rendered). Placeholder in the api branch: the webui helper's
module replaces this file, and ``serve/app.py`` calls its ``install(app)``."""

from __future__ import annotations

from typing import Any


def install(app: Any) -> None:
    """Replaced by the webui helper's module."""
