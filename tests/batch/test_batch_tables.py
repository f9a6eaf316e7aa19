"""The Spark job's rows: publication month, the lossless result column, error rows (no Spark needed)."""
from __future__ import annotations

from endorsetrack.batch import UNKNOWN_MONTH, decode_result, encode_result, outcome_rows, publication_month
from endorsetrack.batch.tables import COLUMNS, row_values
from endorsetrack.types import (Article, ArticleResult, DatedReference, DateWindow, DocumentError, Endorsement,
                                Evidence, Link, Poll, PollResult, RuleRef)

TEXT = "The Marlow Bakers Guild endorsed Ines Ferro for mayor. Ferro led Tobin Hale 52 percent to 40 percent."


def _result(published_date=None, window=None) -> ArticleResult:
    article = Article(doc="marlow-1", text=TEXT, paragraphs=((0, 55), (56, len(TEXT))),
                      links=(Link(4, 22, "https://guild.example"),), url="https://marlow.example/2023/09/01/guild",
                      title="Guild backs Ferro", published=published_date, was_html=True)
    stance = Endorsement(endorser="Marlow Bakers Guild", endorser_type="union", candidate="Ines Ferro",
                         stance="endorses", stage=None, evidence=Evidence(TEXT[:55], 0, 55), confidence=1,
                         rule=RuleRef("verb.endorse", 2), endorser_aliases=("Bakers Guild",),
                         effective_date=published_date, date_basis="published" if published_date else "unknown")
    poll = Poll(pollster="Marlow Research", results=(PollResult("Ines Ferro", 52), PollResult("Tobin Hale", 40.5)),
                evidence=Evidence(TEXT[56:], 56, len(TEXT)), rule=RuleRef("poll.frame.pair", 1), sample_size=410,
                margin_of_error=4.5)
    return ArticleResult(article=article, endorsements=(stance,), polls=(poll,), parsed_chars=80,
                         published_date=published_date, date_window=window)


def test_the_result_column_gives_back_the_very_result():
    window = DateWindow("2023-09-01", "2023-09-30", "url-month",
                        (DatedReference("Sept. 3", 10, 17, "2023-09-03", "past", "said"),))
    result = _result("2023-09-01", window)
    back = decode_result(encode_result(result))
    assert back == result
    assert type(back.polls[0].results[0].share) is int  # a share of 52 stays 52, as ingest stores it
    assert back.article.links[0].href == "https://guild.example" and back.article.paragraphs[1] == (56, len(TEXT))


def test_publication_month_is_the_published_date_else_the_url_date_else_unknown():
    assert publication_month(_result("2023-09-01", DateWindow("2023-09-01", "2023-09-01", "published"))) == "2023-09"
    assert publication_month(_result(None, DateWindow("2023-09-01", "2023-09-30", "url-month"))) == "2023-09"
    assert publication_month(_result(None, DateWindow("2023-08-02", None, "inferred"))) == UNKNOWN_MONTH
    assert publication_month(_result(None, DateWindow(None, None, "unknown"))) == UNKNOWN_MONTH


def test_an_article_makes_one_row_per_fact_in_each_table():
    rows = list(outcome_rows(_result("2023-09-01", DateWindow("2023-09-01", "2023-09-01", "published"))))
    assert [t for t, _ in rows] == ["articles", "endorsements", "polls"]
    stance = rows[1][1]
    assert (stance["endorser"], stance["evidence_start"], stance["rule_id"], stance["endorser_aliases"]) == (
        "Marlow Bakers Guild", 0, "verb.endorse", ["Bakers Guild"])
    assert rows[2][1]["results"] == [{"candidate": "Ines Ferro", "share": 52.0}, {"candidate": "Tobin Hale", "share": 40.5}]
    for table, row in rows:
        assert set(row) == {name for name, _ in COLUMNS[table]}, table
        assert row["month"] == "2023-09"


def test_a_document_error_is_a_row_of_the_errors_table():
    error = DocumentError("feed.jsonl:7", "input.record", "not JSON", {"path": "feed.jsonl", "line": 7})
    assert list(outcome_rows(error)) == [("errors", {"doc": "feed.jsonl:7", "code": "input.record", "message": "not JSON",
                                                     "path": "feed.jsonl", "line": 7, "month": UNKNOWN_MONTH})]


def test_row_values_follow_the_column_order_with_doubles_as_floats():
    _, row = list(outcome_rows(_result()))[1]
    values = row_values("endorsements", row)
    names = [name for name, _ in COLUMNS["endorsements"]]
    confidence = values[names.index("confidence")]
    assert values[0] == "marlow-1" and type(confidence) is float and confidence == 1.0
