"""Endorsement frames. PLACEHOLDER: being written."""
from __future__ import annotations


def find_endorsements(doc, article, settings):
    return []
