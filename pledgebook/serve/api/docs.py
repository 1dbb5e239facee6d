"""/docs: Swagger UI served by the app itself, so it works offline and under the CSP (no
inline script, nothing from a CDN). Its assets come from the pinned ``fastapi-offline``
package; the page's one script of our own is api/static/docs-init.js."""

from __future__ import annotations

from html import escape
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_PATH = "/docs"
ASSETS = f"{DOCS_PATH}/assets"
OWN = f"{DOCS_PATH}/static"


def install_docs(app: FastAPI) -> None:
    swagger = Path(str(resources.files("fastapi_offline").joinpath("static")))
    app.mount(ASSETS, StaticFiles(directory=swagger), name="docs-assets")
    app.mount(OWN, StaticFiles(directory=Path(__file__).parent / "static"), name="docs-static")

    @app.get(DOCS_PATH, include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        root = escape(request.scope.get("root_path", ""), quote=True)
        openapi = escape(f"{root}{app.openapi_url}", quote=True)
        return HTMLResponse(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(app.title)} API</title>
<link rel="icon" href="{root}{ASSETS}/favicon.png">
<link rel="stylesheet" href="{root}{ASSETS}/swagger-ui.css"></head>
<body><div id="swagger-ui" data-openapi-url="{openapi}"></div>
<script src="{root}{ASSETS}/swagger-ui-bundle.js"></script>
<script src="{root}{OWN}/docs-init.js"></script>
</body></html>
""")
