"""Hand-made articles for the web tests: a small race with a change of stance, a local, polls, overlapping
evidence, and an article whose text and names carry script-injection payloads."""
from __future__ import annotations

import os
import socket
import threading
import time
from contextlib import contextmanager
from typing import Optional

import pytest

from endorsetrack.resolve import date_article
from endorsetrack.types import Article, ArticleResult, Endorsement, Evidence, Poll, PollResult, RuleRef

RACE = "2006 U.S. Senate, Connecticut"
XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '"><img src=x onerror="window.__xss=2">'
XSS_ALERT = "<script>alert(1)</script>"
XSS_IMG_ALERT = '"><img src=x onerror=alert(1)>'
PAYLOADS = (XSS_SCRIPT, XSS_IMG, XSS_ALERT, XSS_IMG_ALERT)

TEXT_1 = ("Labor splits in Connecticut.\n\n"
          "The Plumbers Guild and the Glaziers Union have endorsed Ned Harlow for the general election. "
          "The Roofers Council backed Joe Pennock in the primary.\n\n"
          "Harlow welcomed the support.")
TEXT_2 = ("A change of heart.\n\n"
          "The Roofers Council withdrew its endorsement of Joe Pennock on Monday. "
          "The Roofers Council now endorses Ned Harlow in the general election. "
          "Carpenters Local 43 endorsed Ned Harlow too.\n\n"
          "A Brindlewood University poll showed Harlow ahead 60 percent to 33 percent among Democrats.")
TEXT_XSS = (f"Payload article {XSS_SCRIPT} and {XSS_IMG}.\n\n"
            f"The Evil {XSS_SCRIPT} Union endorsed {XSS_IMG_ALERT} Smith for governor. {XSS_ALERT} end.")


def require_web() -> None:
    """Skip a test module when the web extra is absent (fail in CI, where `make test` installs it)."""
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        message = f"the web extra is not installed ({exc}): pip install -e '.[web]'"
        if os.environ.get("CI", "").lower() == "true":
            raise RuntimeError(message) from exc
        pytest.skip(message, allow_module_level=True)


def ev(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence, start, start + len(sentence))


def end(endorser: str, candidate: Optional[str], evidence: Evidence, stance: str = "endorses",
        stage: Optional[str] = "general", race: Optional[str] = RACE, parent: Optional[str] = None,
        type_: str = "union") -> Endorsement:
    return Endorsement(endorser=endorser, endorser_type=type_, candidate=candidate, stance=stance, stage=stage,
                       evidence=evidence, confidence=0.9, rule=RuleRef("test.rule", 1), race=race,
                       endorser_parent=parent)


def dated(**fields) -> ArticleResult:
    """A hand-made result dated by the resolve stage, as the pipeline hands results to the store."""
    return date_article(ArticleResult(**fields))


def article_one(text: str = TEXT_1) -> ArticleResult:
    both = ev(text, "The Plumbers Guild and the Glaziers Union have endorsed Ned Harlow for the general election.")
    inner = ev(text, "the Glaziers Union have endorsed Ned Harlow")  # nested inside the list sentence
    return dated(
        article=Article(doc="one.txt", text=text, url="https://news.example/one", title="Labor splits",
                        published="2006-08-01"),
        endorsements=(end("Plumbers Guild", "Ned Harlow", both),
                      end("Glaziers Union", "Ned Harlow", inner),
                      end("Roofers Council", "Joe Pennock",
                          ev(text, "The Roofers Council backed Joe Pennock in the primary."), stage="primary")))


def article_two() -> ArticleResult:
    t = TEXT_2
    poll = Poll(pollster="Brindlewood University",
                results=(PollResult("Ned Harlow", 60), PollResult("Joe Pennock", 33)),
                evidence=ev(t, "Harlow ahead 60 percent to 33 percent among Democrats"), rule=RuleRef("test.poll", 1),
                population="Democrats", released="2006-08-17", race=RACE)
    overall = Poll(pollster="Brindlewood University",
                   results=(PollResult("Joe Pennock", 49), PollResult("Ned Harlow", 38)),
                   evidence=ev(t, "A Brindlewood University poll"), rule=RuleRef("test.poll", 1),
                   released="2006-08-17", race=RACE)
    return dated(
        article=Article(doc="two.txt", text=t, url="https://news.example/two", title="A change of heart",
                        published="2006-08-20"),
        endorsements=(end("Roofers Council", "Joe Pennock",
                          ev(t, "The Roofers Council withdrew its endorsement of Joe Pennock on Monday."),
                          stance="rescinds", stage="primary"),
                      end("Roofers Council", "Ned Harlow",
                          ev(t, "The Roofers Council now endorses Ned Harlow in the general election.")),
                      end("Carpenters Local 43", "Ned Harlow", ev(t, "Carpenters Local 43 endorsed Ned Harlow too."),
                          parent="Carpenters")),
        polls=(poll, overall))


def article_xss() -> ArticleResult:
    t = TEXT_XSS
    sentence = f"The Evil {XSS_SCRIPT} Union endorsed {XSS_IMG_ALERT} Smith for governor."
    return dated(
        article=Article(doc="xss.txt", text=t, url="javascript:window.__xss=3", title=f"Payload {XSS_SCRIPT}",
                        published="2006-08-25"),
        endorsements=(end(f"Evil {XSS_SCRIPT} Union", f"{XSS_IMG_ALERT} Smith", ev(t, sentence),
                          race=f"2006 governor {XSS_ALERT}"),
                      end(f"Evil {XSS_SCRIPT} Union", f"{XSS_IMG_ALERT} Smith", ev(t, XSS_ALERT),
                          race=f"2006 governor {XSS_ALERT}", stance="will_endorse")))


def build(db) -> None:
    """Write the three articles (the race, the change of stance, the payloads) into an open, migrated store."""
    from endorsetrack.store import StoreWriter

    with StoreWriter(db) as w:
        for result in (article_one(), article_two(), article_xss()):
            w.write(result)


def ids(db) -> dict:
    """Row ids by readable name, for building URLs in tests."""
    ent = {r["name"]: r["id"] for r in db.query("SELECT id, name FROM entities")}
    races = {r["name"]: r["id"] for r in db.query("SELECT id, name FROM races")}
    arts = {r["doc"]: r["id"] for r in db.query("SELECT id, doc FROM articles WHERE is_current = 1")}
    facts = {}
    for r in db.query("SELECT s.id, e.name AS endorser, c.name AS candidate, s.stance FROM stances s"
                      " JOIN entities e ON e.id = s.endorser_id LEFT JOIN entities c ON c.id = s.candidate_id"):
        facts[(r["endorser"], r["candidate"], r["stance"])] = r["id"]
    return {"entities": ent, "races": races, "articles": arts, "facts": facts}


# --- app clients and a live server, shared by the fixtures and the tests ---------------

def make_client(url: str, **kwargs):
    from fastapi.testclient import TestClient

    from endorsetrack.web import create_app

    return TestClient(create_app(url, **kwargs), raise_server_exceptions=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(url: str):
    """The app under uvicorn on 127.0.0.1 (a free port) in a thread, over the database at ``url``."""
    import uvicorn

    from endorsetrack.web import create_app

    port = _free_port()
    app = create_app(url, allowed_hosts=("127.0.0.1", "localhost"))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start within 10 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
