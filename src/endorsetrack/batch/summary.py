"""What a run that stores articles (``ingest``, ``load``) tells its user at the end."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..store import redact_url


@dataclass
class IngestSummary:
    url: str
    counts: dict = field(default_factory=dict)
    stances: int = 0
    polls: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return self.counts.get("failed", 0)

    @property
    def read(self) -> int:
        """Articles read (stored, superseded, restored or unchanged): 0 means nothing was readable."""
        return sum(n for k, n in self.counts.items() if k != "failed")

    def line(self) -> str:
        c = self.counts
        stored = c.get("stored", 0) + c.get("superseded", 0) + c.get("restored", 0)
        return (f"stored {stored} article(s) ({self.stances} stance reports, {self.polls} polls; "
                f"{c.get('superseded', 0)} superseded an earlier version), {c.get('unchanged', 0)} unchanged, "
                f"{self.failed} failed, in {self.seconds:.1f} s -> {redact_url(self.url)}")
