"""The REST API under ``/api`` (docs/api.md): one router per resource, each only parsing,
calling the service the CLI calls and rendering. A resource is one module with a ``router``
listed in ``ROUTERS``: status, review and report endpoints slot in the same way."""

from __future__ import annotations

from fastapi import APIRouter

from pledgebook.serve.api import diff, documents, dossiers, statements, suggestions, threads
from pledgebook.serve.api.errors import API_PREFIX
from pledgebook.serve.api.schemas import COMMON_ERRORS

ROUTERS = (documents.router, statements.router, threads.router, suggestions.router, dossiers.router,
           diff.router)


def api_router() -> APIRouter:
    router = APIRouter(prefix=API_PREFIX, responses=COMMON_ERRORS)
    for resource in ROUTERS:
        router.include_router(resource)
    return router
