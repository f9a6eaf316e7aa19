"""Link poll mentions across an article into polls, and name each poll fully.

"A new poll ... The poll of 625 likely voters, done ... by X ... The survey found 44
percent ... The KXYZ poll this week": one poll, reached through bare references, a
sponsor's name or a shorter form of the pollster's. A poll first met without a name
takes the name given within the next few sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ...nlp.vocabulary import words

from .sources import PollMention

# A poll met without a name ("A new poll shows ...") takes the first named poll met
# within this many sentences after it; the dev set's longest gap is 2.
FILL_WINDOW_UNITS = 4
# "Acme University poll" -> "Acme University"; "Public Policy Polling" is a name.
# Lowercase words that may sit inside an organisation's name ("Center for Civic Research").
_NAME_JOINERS = words("poll.name_joiners")
_TRAILING = re.compile(r"(?:['’]s|\s+(?:[Pp]olls?|[Ss]urveys?|polling))$")


def name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[^\w]+", name.lower()) if t and t != "the"]


def same_name(a: str, b: str) -> bool:
    """'KXYZ' ~ 'KXYZ-TV', 'Acme' ~ 'Acme International': every token of one in the other."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(t in long_ for t in short)


def clean_name(name: str) -> str:
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    return _TRAILING.sub("", name).strip(" ,.-")


@dataclass
class PollEntity:
    id: int
    first_unit: int
    last_unit: int
    pollsters: list[str] = field(default_factory=list)
    sponsors: list[str] = field(default_factory=list)
    facts: dict = field(default_factory=dict)  # released, field_dates, sample..., first seen wins
    alias_of: Optional[int] = None  # an unnamed poll resolved to a named one
    earlier: bool = False  # an older poll of a pollster named before ("its June poll")
    other: bool = False  # met unnamed as another poll ("a new independent poll"): see resolve_unnamed

    @property
    def named(self) -> bool:
        return bool(self.pollsters)

    def absorb(self, m: PollMention, as_sponsor: bool = False) -> None:
        """Take what a mention says; ``as_sponsor``: its name is the sponsor's ('the KXYZ poll')."""
        names = self.sponsors if as_sponsor else self.pollsters
        if m.pollster and m.pollster not in names:
            names.append(m.pollster)
        if m.sponsor and m.sponsor not in self.sponsors:
            self.sponsors.append(m.sponsor)
        for key in ("released", "field_dates", "sample_size", "sample_universe", "margin_of_error", "release_day"):
            val = getattr(m, key)
            if val is not None and key not in self.facts:
                self.facts[key] = val


class PollRegistry:
    """The polls of one article, in the order they are first mentioned."""

    def __init__(self) -> None:
        self.entities: list[PollEntity] = []
        self.last: Optional[PollEntity] = None

    def _new(self, unit: int) -> PollEntity:
        e = PollEntity(len(self.entities), unit, unit)
        self.entities.append(e)
        return e

    def _match(self, m: PollMention) -> tuple[Optional[PollEntity], bool]:
        """The known poll a named mention refers to, and whether it named the sponsor."""
        for e in sorted(reversed(self.entities), key=lambda x: x.earlier != bool(m.earlier)):
            if m.pollster and any(same_name(m.pollster, p) for p in e.pollsters):
                return e, False
            if m.pollster and m.sponsor is None and any(same_name(m.pollster, s) for s in e.sponsors):
                return e, True  # "the KXYZ poll" for the poll done for KXYZ-TV
        for e in reversed(self.entities):
            if m.pollster and m.sponsor and e.pollsters and not e.earlier \
                    and all(same_name(m.sponsor, p) for p in e.pollsters):
                # "a new Ledger poll ... The poll, conducted for the Ledger by Acme": the
                # name met first was the sponsor's; Acme ran the poll.
                e.sponsors.extend(p for p in e.pollsters if p not in e.sponsors)
                e.pollsters.clear()
                return e, False
        return None, False

    def link(self, m: PollMention, unit: int) -> PollEntity:
        """The poll this mention refers to, creating it when new."""
        via_sponsor = False
        e: Optional[PollEntity]
        if m.kind == "named" and m.conductor and self.last is not None and self._match(m)[0] is None:
            e = self.last  # "Acme Inc., the firm that conducted the survey": the poll being reported
            e.sponsors.extend(p for p in e.pollsters if p not in e.sponsors)
            e.pollsters.clear()  # the name it went by ("a Ledger poll") was its sponsor's
        elif m.kind == "named":
            e, via_sponsor = self._match(m)
            if e is None and self.last is not None and not self.last.named \
                    and (not self.last.sponsors or self.last.last_unit == unit) \
                    and unit - self.last.last_unit <= FILL_WINDOW_UNITS and not _dates_clash(self.last, m):
                e = self.last
            e = e or self._new(unit)
        elif m.kind == "indefinite" and m.sponsor and (base := self._by_sponsor(m.sponsor)) is not None:
            # "In a July survey for the Ledger, ...": the Ledger's pollster named before ran it too
            return self._edition(base, m, unit)
        elif m.kind == "indefinite" and m.earlier and not m.sponsor and (base := self._last_named()) is not None:
            # "A September poll showed ...", "An earlier survey had ...": an older edition of
            # the poll the article reports, not a new poll waiting for a name
            return self._edition(base, m, unit)
        elif m.kind == "indefinite" and not m.earlier and not m.sponsor and self.last is not None \
                and self.last.named and self.last.last_unit == unit and not _dates_clash(self.last, m):
            # "The latest Acme/Ledger voting intention poll has ...": the name and the poll
            # noun of one sentence, apart only because words stand between them, are one poll
            e = self.last
        elif m.kind == "anaphor" and self.last is not None:
            e = self.last
            if m.earlier and e.named and _other_edition(m, e):
                return self._edition(e, m, unit)
        else:
            e = self._new(unit)
        e.absorb(m, as_sponsor=via_sponsor)
        e.last_unit = unit
        self.last = e
        return e

    def current_edition(self, e: PollEntity) -> PollEntity:
        """For an older edition, the poll of the same pollster that is not one; else ``e``."""
        return next((x for x in self.entities if not x.earlier and x.named and x.pollsters == e.pollsters), e)

    def _last_named(self) -> Optional[PollEntity]:
        """The latest named poll that is not itself an older edition."""
        return next((e for e in reversed(self.entities) if e.named and not e.earlier), None)

    def _by_sponsor(self, sponsor: str) -> Optional[PollEntity]:
        """The latest named poll done for this sponsor."""
        return next((e for e in reversed(self.entities)
                     if e.named and any(same_name(sponsor, s) for s in e.sponsors)), None)

    def _edition(self, base: PollEntity, m: PollMention, unit: int) -> PollEntity:
        """An older poll of the same pollster ("the university's June poll"): a poll of
        its own, which later bare references ("the poll") do not reach."""
        e = self._new(unit)
        e.pollsters, e.sponsors = list(base.pollsters), list(base.sponsors)
        e.earlier = True
        e.absorb(m)
        return e

    def resolve_unnamed(self) -> None:
        """An unnamed poll is the first named poll mentioned soon after it; failing that, when
        the article names one pollster only and named it before, that pollster's poll
        ("Regional tracking", "In a poll two weeks ago", "a poll" far from the name): an
        article about one pollster's poll calls it by other words too. A poll the text sets
        apart as another one ("a new independent poll", the other_poll_modifier rule), that
        gives a release date of its own, or
        that names whom it was done for (it goes by that name) is left alone."""
        for e in self.entities:
            if e.named:
                continue
            # "A poll sponsored by the Ledger puts Smith first. A Acme poll of Iowa has ...": a
            # poll that goes by its sponsor's name is not the next sentence's named poll.
            later = [x for x in self.entities if x.named and (x.first_unit == e.first_unit or not e.sponsors)
                     and x.first_unit >= e.first_unit
                     and x.first_unit - e.last_unit <= FILL_WINDOW_UNITS and not _dates_clash(e, x)]
            if later:
                e.alias_of = later[0].id
        sole = self.sole_pollster()
        if sole is None:
            return
        for e in self.entities:
            if not e.named and not e.sponsors and not e.other and e.alias_of is None \
                    and e.first_unit > sole.first_unit and not _own_date(e, sole):
                e.alias_of = sole.id

    def sole_pollster(self) -> Optional[PollEntity]:
        """The article's poll when every named poll is one pollster's (by any of its names), else None."""
        named = [e for e in self.entities if e.named and not e.earlier]
        if not named or any(not any(same_name(p, q) for p in named[0].pollsters for q in e.pollsters)
                            for e in named[1:]):
            return None
        return named[0]

    def final(self, e: PollEntity) -> PollEntity:
        return self.entities[e.alias_of] if e.alias_of is not None else e


def _dates_clash(e: PollEntity, other) -> bool:
    """Do a poll and a mention (or another poll) give different release dates? "An Iowa poll
    released Monday ... the Acme poll released Saturday" are two polls, not one named late."""
    for key in ("released", "release_day"):
        mine = e.facts.get(key)
        theirs = other.facts.get(key) if isinstance(other, PollEntity) else getattr(other, key)
        if mine and theirs and mine != theirs:
            return True
    return False


def _own_date(e: PollEntity, named: PollEntity) -> bool:
    """Does an unnamed poll give a release date the named one does not share? ("A Ridgeway
    College poll showed ... A poll released in May had ...": the May poll is another one.)"""
    return any(e.facts.get(k) and e.facts.get(k) != named.facts.get(k) for k in ("released", "release_day"))


def _other_edition(m: PollMention, e: PollEntity) -> bool:
    """Does a "previous" or dated reference name another poll than ``e``? "Its previous
    survey" does; "the June poll" does when ``e`` is known to be of another month."""
    if m.earlier == "previous":
        return True
    when = m.released or m.field_dates
    known = [value for value in (e.facts.get(k) for k in ("released", "field_dates")) if value]
    return when is not None and bool(known) and not any(_month(when) == _month(k) for k in known)


def _month(iso: str) -> str:
    """'2026-06-14' / '--06-14' / '--06' -> '06'."""
    parts = iso.split("/")[0].lstrip("-").split("-")
    return parts[1] if len(parts[0]) == 4 and len(parts) > 1 else parts[0]


def fullest_name(forms: list[str], doc) -> tuple[str, tuple[str, ...]]:
    """The fullest form the article gives, and the other forms as aliases.

    A short form ("Acme Center") grows to a longer organisation name the article
    uses elsewhere ("The Acme Center for Public Policy") when it contains it.
    """
    cleaned = [clean_name(f) for f in forms if clean_name(f)]
    best = max(cleaned, key=lambda f: (len(name_tokens(f)), len(f)))
    for ent in doc.ents:
        if ent.label_ != "ORG" or any(t.is_lower and t.is_alpha and t.lower_ not in _NAME_JOINERS for t in ent):
            continue  # "the Ledger by Acme Research": two names the parser ran together
        cand = clean_name(ent.text)
        if len(name_tokens(cand)) > len(name_tokens(best)) and _contains(cand, best) \
                and not cand[:max(0, cand.find(best))].rstrip().endswith("."):
            best = cand  # not "D.C. Acme" from "... based in Washington, D.C. Acme teamed up ..."
    aliases = tuple(dict.fromkeys(f for f in cleaned if f != best))
    return best, aliases


def _contains(longer: str, shorter: str) -> bool:
    lt, st = name_tokens(longer), name_tokens(shorter)
    return any(lt[i:i + len(st)] == st for i in range(len(lt) - len(st) + 1))
