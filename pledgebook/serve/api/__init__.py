"""The REST API under ``/api`` (docs/api.md): one router per resource, each only parsing,
calling the service the CLI calls and rendering. A resource is one module with a ``router``
listed in ``ROUTERS``."""

from __future__ import annotations

from fastapi import APIRouter

from pledgebook.serve.api import diff, documents, dossiers, reports, reviews, statements, status, suggestions, threads
from pledgebook.serve.api.errors import API_PREFIX
from pledgebook.serve.api.schemas import COMMON_ERRORS

ROUTERS = (documents.router, statements.router, threads.router, suggestions.router, dossiers.router,
           diff.router, status.router, reviews.router, reports.router)


def api_router() -> APIRouter:
    router = APIRouter(prefix=API_PREFIX, responses=COMMON_ERRORS)
    for resource in ROUTERS:
        router.include_router(resource)
    return router
