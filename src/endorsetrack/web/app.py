"""The FastAPI app over the store: server-rendered pages, a JSON API under /api, static JS/CSS.

Why per-request connections: SQLite connections belong to the thread that opened
them and request handlers run in a thread pool, so each read opens the store,
runs its query and closes it in one thread (``read``). Opening a SQLite file
costs well under a millisecond next to the queries themselves.
"""
from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import escape
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..store import open_store, resolve_url
from . import errors, security

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class WebConfig:
    db_url: str
    token: Optional[str] = None  # when set, review actions must carry it
    allowed_hosts: Optional[tuple[str, ...]] = None  # Host header names accepted; None accepts any


def config(request: Request) -> WebConfig:
    return request.app.state.config


async def read(request: Request, query: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run ``query(db, ...)`` on a connection opened and closed in one worker thread, in a read snapshot."""
    return await _on_connection(request, query, args, kwargs, snapshot=True)


async def write(request: Request, action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run ``action(db, ...)``, which writes (it opens its own write transaction, waiting on the busy
    timeout for an ingest's batch), on a connection opened and closed in one worker thread. Never in a
    read snapshot: on SQLite a snapshot cannot become a write once another commit has landed."""
    return await _on_connection(request, action, args, kwargs, snapshot=False)


async def _on_connection(request: Request, fn: Callable[..., Any], args: tuple, kwargs: dict,
                         snapshot: bool) -> Any:
    url = config(request).db_url

    def run() -> Any:
        db = open_store(url)
        try:
            if not snapshot:
                return fn(db, *args, **kwargs)
            with db.read_snapshot():  # one page, one moment: an ingest may be committing meanwhile
                return fn(db, *args, **kwargs)
        finally:
            db.close()
    return await run_in_threadpool(run)


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["version"] = __version__
    env.filters["label"] = lambda v: (v or "").replace("_", " ")
    env.filters["is_http"] = lambda v: isinstance(v, str) and v.lower().startswith(("http://", "https://"))
    env.filters["pct"] = lambda v: f"{v:g}%" if v is not None else "-"
    return Jinja2Templates(env=env)


def render(request: Request, name: str, context: dict, status_code: int = 200) -> HTMLResponse:
    """A page; sets the browser's CSRF cookie the first time so its forms can be checked."""
    token, is_new = security.csrf_token(request)
    ctx = {"csrf_token": token, "token_required": bool(config(request).token), "page": name, **context}
    response = request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status_code)
    if is_new:
        response.set_cookie(security.CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


def render_error(request: Request, status: int, code: str, message: str) -> Response:
    try:
        return render(request, "error.html", {"status": status, "code": code, "message": message}, status)
    except Exception:  # a broken template must not hide the original error
        return HTMLResponse(f"<h1>Error {status}</h1>", status_code=status)


# Swagger UI draws with inline style attributes; only the docs page allows them, scripts stay 'self'.
DOCS_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def _mount_api_docs(app: FastAPI) -> None:
    """Interactive API docs at /api/docs: Swagger UI's files as the PyPI package fastapi-offline ships them
    (a Swagger UI that reads OpenAPI 3.1, FastAPI's schema version), served from disk: no CDN."""
    swagger_ui = importlib.resources.files("fastapi_offline") / "static"
    app.mount("/api/docs/assets", StaticFiles(directory=str(swagger_ui)), name="swagger-ui")

    page = (HERE / "templates" / "api_docs.html").read_text(encoding="utf-8")  # a static page: read once

    @app.get("/api/docs", include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        return HTMLResponse(page, headers={"Content-Security-Policy": DOCS_CSP})


def create_app(db_url: Optional[str] = None, *, token: Optional[str] = None,
               allowed_hosts: Optional[Sequence[str]] = None) -> FastAPI:
    """The web app over the database at ``db_url`` (default: $ENDORSETRACK_DB, else ./endorsetrack.db)."""
    app = FastAPI(title="endorsetrack", version=__version__,
                  description="Endorsements and polls extracted from news articles, with their evidence. "
                              "Every error has the shape {\"error\": {\"code\": ..., \"message\": ...}}.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.config = WebConfig(resolve_url(db_url), token or None,
                                 tuple(h.lower() for h in allowed_hosts) if allowed_hosts else None)
    app.state.templates = _templates()

    @app.middleware("http")
    async def guard(request: Request, call_next):
        allowed = app.state.config.allowed_hosts
        host = security.host_name(request.headers.get("host", "")).lower()
        refusal = None
        if allowed is not None and host not in allowed:
            refusal = (400, f"refused: this server answers to {', '.join(allowed)}, not '{host}'")
        else:  # before a byte of the body is read: its size, then (API) the review token
            refusal = security.body_refusal(request) or security.api_token_refusal(request, app.state.config.token)
        if refusal is not None:
            status, message = refusal
            if errors.is_api(request):
                response: Response = JSONResponse(errors.error_body(errors.CODES[status], message), status_code=status)
            else:
                response = HTMLResponse(f"<p>{escape(message)}</p>", status_code=status)
            if status == 401:
                response.headers["WWW-Authenticate"] = "Bearer"
        else:
            response = await call_next(request)
        for key, value in security.SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    errors.install(app, render_error)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _mount_api_docs(app)
    from . import api, pages  # routes import this module's helpers
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
