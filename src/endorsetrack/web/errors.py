"""One error shape for every error: ``{"error": {"code": ..., "message": ...}}`` under /api, a page elsewhere.

Why one mapping: a missing race, a bad date, a failed token check and a crash
reach the user through the same few lines, so API clients handle one shape and
the HTML pages say the same thing in words.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import EndorsetrackError, QueryError, StoreError, UnknownNameError, UnknownRaceError

log = logging.getLogger("endorsetrack.web")

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         411: "length_required", 413: "too_large", 415: "unsupported_media_type", 422: "validation_error",
         500: "internal_error", 503: "store_unavailable"}
INTERNAL_MESSAGE = "internal error; the server log has the details"


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def classify(exc: BaseException) -> tuple[int, str, str]:
    """(HTTP status, error code, message for the user) for any exception."""
    if isinstance(exc, (UnknownNameError, UnknownRaceError)):
        return 404, CODES[404], exc.message
    if isinstance(exc, QueryError):
        return 422, CODES[422], exc.message
    if isinstance(exc, StoreError):
        return 503, CODES[503], str(exc)
    if isinstance(exc, EndorsetrackError):
        return 500, CODES[500], str(exc)
    if isinstance(exc, RequestValidationError):
        return 422, CODES[422], validation_message(list(exc.errors()))
    if isinstance(exc, StarletteHTTPException):
        code = CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = "no such page"
        return exc.status_code, code, message
    return 500, CODES[500], INTERNAL_MESSAGE


def validation_message(errors: list[dict[str, Any]]) -> str:
    """'path id: Input should be a valid integer' for the first few problems."""
    parts = []
    for e in errors[:3]:
        loc = [str(x) for x in e.get("loc", ()) if x != "body"]
        where = " ".join(loc) if loc else "request"
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def is_api(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def install(app: FastAPI, render_error: Callable[[Request, int, str, str], Response]) -> None:
    """Route every error through ``classify``: JSON under /api, ``render_error`` (a page) elsewhere."""

    def handle(request: Request, exc: BaseException) -> Response:
        status, code, message = classify(exc)
        if status >= 500:
            log.error("%s %s failed: %s", request.method, request.url.path, exc, exc_info=exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        if is_api(request):
            return JSONResponse(error_body(code, message), status_code=status, headers=headers)
        return render_error(request, status, code, message)

    for kind in (StarletteHTTPException, RequestValidationError, EndorsetrackError, Exception):
        app.add_exception_handler(kind, handle)
