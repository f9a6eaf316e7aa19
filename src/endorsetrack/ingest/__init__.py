"""Read inputs into Records. PLACEHOLDER until the ingest helper lands."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Sequence, Union

from ..types import DocumentError, Record


def read_records(paths: Sequence[str]) -> Iterator[Union[Record, DocumentError]]:
    for p in paths:
        yield Record(doc=p, content=Path(p).read_text(encoding="utf-8"), source=p)
