"""In-article and cross-article name resolution."""
from __future__ import annotations

from ..types import ArticleResult


def resolve_article(result: ArticleResult, doc) -> ArticleResult:
    return result
