"""The web UI: ``create_app(db_url)`` builds the FastAPI app that ``endorsetrack serve`` runs.

Pages and the JSON API read through ``endorsetrack.store.web_queries``; reviews
are written by ``endorsetrack.store.review``. Needs the ``web`` extra
(``pip install 'endorsetrack[web]'``).
"""
from __future__ import annotations

from .app import create_app
from .security import is_loopback

__all__ = ["create_app", "is_loopback"]
