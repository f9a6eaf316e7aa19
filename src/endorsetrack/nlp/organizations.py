"""The organisation lexicon (nlp/patterns/organizations.jsonl): one entry per well-known body.

Extraction finds these names in the text (extract/mentions/detect.py), in-article
resolution gives a short form its canonical name (resolve/names.py) and cross-article
resolution files every spelling under one entity (resolve/gazetteer.py): all three read
the file through ``known_organizations`` so that an organisation has one canonical name
in extract output and in the store. Each entry has a stable ``id`` (kept in the store as
``entities.gazetteer_id``), a canonical ``name``, a ``type``, its ``acronyms`` and
``aliases``, optionally the ``parent`` id of the body it belongs to, and ``in_text: false``
when the extractor does not look for its names as gazetteer mentions (a party's bare name:
the extractor's party rules find it). Loaded once, with
key checks: an unknown key, a bad type, a list that is not a list of names, a parent that
is no id of the file or a spelling given to two organisations is a RuleFileError naming
the file and the line.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from ..errors import RuleFileError
from ..ruledata import read_rules
from .rules import pattern_path, schema_of

ORGANIZATIONS_FILE = pattern_path("organizations")

# What an entry's ``type`` may be: the endorser types the extractor reports for organisations.
ORGANIZATION_TYPES = ("union", "organization", "party", "newspaper")


@dataclass(frozen=True)
class KnownOrg:
    """A well-known organisation: its canonical name and every other spelling."""

    id: str
    version: int
    name: str
    type: str
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    parent: Optional[str] = None
    in_text: bool = True  # False: the extractor finds it by other rules (a party's bare name)

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling: the canonical name first, then the acronyms, then the aliases."""
        return (self.name, *self.acronyms, *self.aliases)


def _names(rule: dict, key: str, where: dict[str, Any]) -> tuple[str, ...]:
    value = rule.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleFileError(f"organisation '{rule['id']}': '{key}' must be a list of names", **where)
    return tuple(value)


def read_organizations(path: Path = ORGANIZATIONS_FILE) -> tuple[KnownOrg, ...]:
    """Every organisation of a lexicon file, checked (RuleFileError naming the file and line)."""
    schema = schema_of("organizations")
    orgs: list[KnownOrg] = []
    lines: dict[str, int] = {}
    spelt_by: dict[str, str] = {}
    for line, rule in read_rules(path, schema.required, schema.optional):
        where: dict[str, Any] = {"path": str(path), "line": line}
        if not isinstance(rule["name"], str) or not rule["name"].strip():
            raise RuleFileError(f"organisation '{rule['id']}': 'name' must be a non-empty string", **where)
        if rule["type"] not in ORGANIZATION_TYPES:
            raise RuleFileError(f"organisation '{rule['id']}' has an unknown type {rule['type']!r} "
                                f"(expected one of {', '.join(ORGANIZATION_TYPES)})", **where)
        parent = rule.get("parent")
        if parent is not None and not (isinstance(parent, str) and parent):
            raise RuleFileError(f"organisation '{rule['id']}': 'parent' must be an organisation id", **where)
        in_text = rule.get("in_text", True)
        if not isinstance(in_text, bool):
            raise RuleFileError(f"organisation '{rule['id']}': 'in_text' must be true or false", **where)
        org = KnownOrg(rule["id"], rule["version"], rule["name"], rule["type"],
                       _names(rule, "acronyms", where), _names(rule, "aliases", where), parent, in_text)
        for spelling in {n.lower() for n in org.names}:
            other = spelt_by.setdefault(spelling, org.id)
            if other != org.id:
                raise RuleFileError(f"organisation '{org.id}': '{spelling}' is already a spelling of '{other}'",
                                    **where)
        orgs.append(org)
        lines[org.id] = line
    for org in orgs:
        if org.parent is not None and (org.parent not in lines or org.parent == org.id):
            raise RuleFileError(f"organisation '{org.id}': parent '{org.parent}' is no other organisation "
                                "of this file", path=str(path), line=lines[org.id])
    return tuple(orgs)


@lru_cache(maxsize=1)
def known_organizations() -> tuple[KnownOrg, ...]:
    """The packaged organisation lexicon, loaded once per process."""
    return read_organizations()
