"""``endorsetrack serve``: the web UI over the store (needs the ``web`` extra).

Binds 127.0.0.1 by default, where anyone on this machine may read and review.
Binding any other address exposes review actions to the network, so it needs a
token (``--token`` or $ENDORSETRACK_TOKEN) that review requests must carry.
"""
from __future__ import annotations

import os
from typing import Optional

import typer

from ..errors import EndorsetrackError
from ..store import open_store, resolve_url
from .app import app, fail

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
TOKEN_ENV = "ENDORSETRACK_TOKEN"
EXIT_NOT_INSTALLED = 3
# Host header names the loopback server answers to (anything else may be DNS rebinding).
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def serve_options(host: str, token: Optional[str]) -> tuple[Optional[str], Optional[tuple[str, ...]]]:
    """(token to require, Host names to accept) for a bind address; a non-loopback bind without a token is refused."""
    from ..web import is_loopback

    token = (token or "").strip() or None
    if is_loopback(host):
        return token, LOOPBACK_NAMES + ((host,) if host not in LOOPBACK_NAMES else ())
    if not token:
        raise typer.BadParameter(f"binding {host} exposes review actions to the network: pass --token TOKEN "
                                 f"(or set {TOKEN_ENV}); review requests then need 'Authorization: Bearer TOKEN'",
                                 param_hint="'--token'")
    return token, None


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="Database: a SQLite file or postgresql:// URL "
                                                        "(default: $ENDORSETRACK_DB, else ./endorsetrack.db)."),
    host: str = typer.Option(DEFAULT_HOST, "--host", help="Address to bind; other than 127.0.0.1 needs --token."),
    port: int = typer.Option(DEFAULT_PORT, "--port", min=1, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar=TOKEN_ENV, show_envvar=True,
                                        help="Token that review actions must carry (required off loopback)."),
) -> None:
    """Browse races, endorsers, candidates and articles in a web browser; review facts."""
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as exc:
        typer.echo(f"error: the web UI needs its extra installed: pip install 'endorsetrack[web]' ({exc})", err=True)
        raise typer.Exit(EXIT_NOT_INSTALLED) from exc
    required_token, hosts = serve_options(host, token)
    url = resolve_url(db)
    try:
        open_store(url).close()  # a missing or old database is one clear line, before the server starts
    except EndorsetrackError as exc:
        raise fail(exc) from exc
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"endorsetrack: serving {url} at http://{shown}:{port}/ "
               f"({'review token required' if required_token else 'no token: loopback only'}); Ctrl-C stops",
               err=True)
    uvicorn.run(create_app(url, token=required_token, allowed_hosts=hosts), host=host, port=port,
                log_level=os.environ.get("ENDORSETRACK_LOG_LEVEL", "warning"))
