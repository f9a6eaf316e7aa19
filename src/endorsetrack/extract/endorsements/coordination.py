"""The rule reference of a fact whose endorser or candidate came from an interrupted list.

extract/mentions/coordination.py records, per sentence, which names a list scan let in
across a tag, a home, a description or a semicolon; a fact on such a name records that
coordination rule after its trigger's: ``verb.endorse+coord.place`` (version: the
trigger rule's; the coordination rule's own version is in nlp/patterns/coordination.jsonl).
"""
from __future__ import annotations

from typing import Optional

from ...types import RuleRef
from ..mentions import SentenceContext

RULE_JOINER = "+"


def coordinated_rule(trigger_rule: dict, ctx: SentenceContext, *names: Optional[str]) -> RuleRef:
    """The trigger rule's reference, extended by the coordination rule that let one of
    ``names`` into its list, if any."""
    record: dict[str, dict] = getattr(ctx, "coordination", {})
    rule = next((r for name in names if name for text, r in record.items() if _same(text, name)), None)
    rule_id = trigger_rule["id"] if rule is None else f"{trigger_rule['id']}{RULE_JOINER}{rule['id']}"
    return RuleRef(rule_id, trigger_rule["version"])


def _same(mention_text: str, name: str) -> bool:
    """A resolved name is its mention's text, maybe without an article or title."""
    return mention_text == name or mention_text.endswith(" " + name)
