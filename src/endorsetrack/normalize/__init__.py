"""Record -> Article: HTML to text (paragraphs and links kept), metadata, text repair.

PLACEHOLDER until the normalize helper lands its implementation.
"""
from __future__ import annotations

import re

from ..types import Article, Record


def normalize(record: Record) -> Article:
    text = record.content
    if re.search(r"<(p|a|div|strong|br|html)\b", text, re.I):
        text = re.sub(r"</p>", "\n\n", text, flags=re.I)
        text = re.sub(r"<[^>]+>", "", text)
        text = re.sub(r"[ \t]+", " ", text)
    return Article(doc=record.doc, text=text.strip(), url=record.url, title=record.title,
                   published=record.published)
