"""Who may change the record: a token off the loopback interface, and same-site forms only.

Reading is open. A review changes what every reader sees, so:
- a server bound beyond 127.0.0.1 requires a token (``serve --token``); review
  requests carry it as ``Authorization: Bearer T`` (API) or a form field (pages);
- HTML forms carry a per-browser CSRF token (double-submit: a random cookie that
  the form repeats), and a request whose Origin/Referer names another site is
  refused; the API accepts JSON only, which a cross-site form cannot send without
  a CORS preflight that this server never grants;
- on loopback the Host header must be a loopback name, so a DNS-rebinding page
  cannot talk to the local server under its own name.
"""
from __future__ import annotations

import hmac
import ipaddress
import secrets
from typing import Optional
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

CSRF_COOKIE = "endorsetrack_csrf"
CSRF_FIELD = "csrf"
TOKEN_FIELD = "token"

SECURITY_HEADERS = {
    # No inline script runs even if escaping failed somewhere: scripts come from /static only.
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


# Largest request body accepted (bytes), checked from Content-Length before the body is
# read: a review is a few hundred bytes and a note at most review.MAX_NOTE_CHARS.
MAX_BODY_BYTES = 65_536
_WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def body_refusal(request: Request) -> Optional[tuple[int, str]]:
    """(status, message) when a request's body must not be read at all, else None."""
    if request.method not in _WRITE_METHODS:
        return None
    length = request.headers.get("content-length")
    if length is None:
        if request.headers.get("transfer-encoding"):
            return 411, "send the request with a Content-Length header"
        return None
    if not length.isdigit() or len(length) > 12:
        return 400, "the Content-Length header is not a number"
    if int(length) > MAX_BODY_BYTES:
        return 413, f"the request body is larger than {MAX_BODY_BYTES:,} bytes"
    return None


def api_token_refusal(request: Request, expected: Optional[str]) -> Optional[tuple[int, str]]:
    """A write to the API without the right Bearer token, refused before its body is parsed."""
    if not expected or request.method not in _WRITE_METHODS or not request.url.path.startswith("/api/"):
        return None
    try:
        check_token(request, expected)
    except HTTPException as exc:
        return exc.status_code, str(exc.detail)
    return None


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost' (binding these needs no token)."""
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(host_header: str) -> str:
    """'127.0.0.1:8000' -> '127.0.0.1', '[::1]:80' -> '[::1]'."""
    if host_header.startswith("["):
        return host_header.split("]", 1)[0] + "]"
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_token(request: Request) -> tuple[str, bool]:
    """The browser's CSRF token and whether it is new (then the response must set the cookie)."""
    token = request.cookies.get(CSRF_COOKIE)
    if token and 20 <= len(token) <= 100:
        return token, False
    return new_csrf_token(), True


def check_same_origin(request: Request) -> None:
    """Refuse a state-changing request whose Origin (or Referer) is another site."""
    host = request.headers.get("host", "")
    for header in ("origin", "referer"):
        value = request.headers.get(header)
        if value is None:
            continue
        if value == "null" or urlsplit(value).netloc != host:
            raise HTTPException(403, f"refused: the request came from another site ({header} does not match)")
        return


def check_csrf(request: Request, form_value: Optional[str]) -> None:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not form_value or not hmac.compare_digest(cookie.encode(), form_value.encode()):
        raise HTTPException(403, "refused: the form's security token is missing or stale; reload the page "
                                 "and submit again")


def check_token(request: Request, expected: Optional[str], form_value: Optional[str] = None) -> None:
    """When the server has a token, the request must carry it (Bearer header, or the form field)."""
    if not expected:
        return
    given = None
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        given = auth[7:].strip()
    elif form_value:
        given = form_value
    if not given:
        raise HTTPException(401, "this server requires a review token: send 'Authorization: Bearer TOKEN' "
                                 "(or fill in the token field)")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "the review token is wrong")
