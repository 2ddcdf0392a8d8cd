"""The web application: the route groups, the interface's static files and the guard."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from dpia.serve import edit, pages, preview
from dpia.serve.security import Guard, Secrets
from dpia.serve.ui import UI
from dpia.serve.workspace import Workspace


def create_app(folder: Path, keys: Secrets) -> Starlette:
    app = Starlette(
        routes=[
            *pages.ROUTES,
            *edit.ROUTES,
            *preview.ROUTES,
            Mount("/static", StaticFiles(directory=UI / "static", follow_symlink=False)),
        ],
        middleware=[Middleware(Guard, keys=keys)],
    )
    app.state.workspace = Workspace(folder)
    app.state.keys = keys
    return app
