"""Dates in urls: the shapes news sites file articles under, and where a url date ranks."""
from __future__ import annotations

from typing import Optional

import pytest

from endorsetrack.resolve import date_article
from endorsetrack.resolve.url_dates import url_date
from endorsetrack.types import Article, ArticleResult, Endorsement, Evidence, RuleRef


@pytest.mark.parametrize("url, day", [
    ("https://news.example.org/politics/2016/04/06/union-picks-a-mayor/", "2016-04-06"),
    ("https://news.example.org/2016/04/06/", "2016-04-06"),
    ("https://news.example.org/2016-04-06-teachers-back-levy", "2016-04-06"),
    ("https://news.example.org/story/20160406/teachers-back-levy", "2016-04-06"),
    ("https://news.example.org/2004/POLITICS/02/07/a.story/index.html", "2004-02-07"),
])
def test_a_url_path_holding_a_day_gives_that_day(url: str, day: str) -> None:
    found = url_date(url)
    assert found is not None and (found.start, found.end, found.precision) == (day, day, "day")


def test_a_month_archive_path_gives_the_month_as_a_window() -> None:
    found = url_date("https://news.example.org/2016/02/firefighters-back-the-levy/")
    assert found is not None and (found.start, found.end, found.precision) == ("2016-02-01", "2016-02-29", "month")


@pytest.mark.parametrize("url", [
    None, "", "https://news.example.org/story/1126-unions-sit-out", "https://news.example.org/story/12345678/",
    "https://news.example.org/a?date=2016/04/06", "https://2016-04-06.example.org/a",
    "https://news.example.org/2016/13/40/a",
])
def test_ids_hosts_queries_and_impossible_dates_give_nothing(url: Optional[str]) -> None:
    assert url_date(url) is None


def _dated(url: Optional[str], published: Optional[str] = None,
           text: str = "The union said it will vote on Nov. 7.") -> ArticleResult:
    stance = Endorsement("Carpenters Local 9", "union", "Dana Reyes", "endorses", "general", Evidence("q", 0, 1), 0.9,
                         RuleRef("test.rule", 1), race="mayor")
    return date_article(ArticleResult(article=Article(doc="a.txt", text=text, url=url, published=published),
                                      endorsements=(stance,)))


def test_an_undated_article_takes_its_url_date_with_basis_url() -> None:
    result = _dated("https://news.example.org/local/2018/10/02/carpenters-pick-reyes")
    [e] = result.endorsements
    assert (result.date_window.start, result.date_window.basis) == ("2018-10-02", "url")
    assert (e.effective_date, e.date_basis, e.resolved_race) == ("2018-10-02", "url", "2018 mayor")


def test_the_records_published_date_wins_over_the_url() -> None:
    result = _dated("https://news.example.org/2018/10/02/carpenters-pick-reyes", published="2018-10-05")
    assert (result.date_window.start, result.date_window.basis) == ("2018-10-05", "published")


def test_a_url_date_ranks_above_a_window_guessed_from_the_text() -> None:
    text = "The Sept. 3 rally was held in 2017. Members are pledging to vote on Nov. 7."
    assert _dated(None, text=text).date_window.basis == "inferred"
    result = _dated("https://news.example.org/2018/10/02/carpenters-pick-reyes", text=text)
    assert (result.date_window.start, result.date_window.basis) == ("2018-10-02", "url")


def test_a_month_only_url_dates_the_stance_from_the_first_of_the_month() -> None:
    result = _dated("https://news.example.org/2018/10/carpenters-pick-reyes")
    [e] = result.endorsements
    assert (result.date_window.start, result.date_window.end) == ("2018-10-01", "2018-10-31")
    assert (e.effective_date, e.date_basis) == ("2018-10-01", "url-month")
