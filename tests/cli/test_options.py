"""The CLI's choice enums hold exactly the values the store and the extractor use."""
from __future__ import annotations

from endorsetrack.cli.options import EntityTypeChoice, ExportFormat, OutputFormat, StageChoice, StanceChoice
from endorsetrack.store import EXPORT_FORMATS, FORMATS
from endorsetrack.types import ENTITY_TYPES, STAGES, STANCES


def test_choice_enums_match_the_values_they_stand_for():
    assert tuple(c.value for c in OutputFormat) == FORMATS
    assert tuple(c.value for c in ExportFormat) == EXPORT_FORMATS
    assert tuple(c.value for c in StanceChoice) == STANCES
    assert tuple(c.value for c in StageChoice) == STAGES
    assert tuple(c.value for c in EntityTypeChoice) == ENTITY_TYPES
