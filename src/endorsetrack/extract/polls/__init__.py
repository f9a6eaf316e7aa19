"""Polls: figures reported in prose, as (pollster, population, candidate, share) rows.

``article`` splits an article into poll units and links them into polls; ``numbers`` finds
shares, pairs and margins; ``figures`` gives each figure its candidate and population;
``people``, ``descriptions`` and ``parties`` say which words name a side, ``tables`` which lines are table
rows; ``population`` and ``subgroups`` whom a figure speaks for; ``sources`` and ``registry`` who conducted a poll and when;
``rules`` loads the poll rule data (nlp/patterns/polls.jsonl, poll_pollsters.jsonl).
"""
from .article import find_polls

__all__ = ["find_polls"]
