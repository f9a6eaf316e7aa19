"""Poll results reported in prose. PLACEHOLDER until the polls helper lands."""
from __future__ import annotations


def find_polls(doc, article):
    return []
