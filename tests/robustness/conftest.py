"""Hypothesis profiles for the property-based tests: few examples, so `make test` stays fast.

"fast" (the default) tries 40 examples per property with a random seed; "ci" (set
HYPOTHESIS_PROFILE=ci, or CI=true as CI services do) is derandomized, so a CI run is
reproducible; "deep" tries 1,000 for a hunt by hand. No example database is written.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "database": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("fast", max_examples=40, **_COMMON)
settings.register_profile("ci", max_examples=40, derandomize=True, **_COMMON)
settings.register_profile("deep", max_examples=1_000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "fast"))
