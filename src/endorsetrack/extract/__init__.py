"""Extract: claims from a parsed article, before any name is resolved.

- ``mentions/``: who the text names (people, organisations, measures, references such as
  "the union") and what a reference stands for;
- ``endorsements/``: stance frames (trigger, endorser, candidate), stance, stage, lists,
  editorials and slates;
- ``polls/``: poll figures, their candidates, subgroups, pollsters and dates;
- ``race.py``: which race (office, place, year) a sentence or article is about.
"""
