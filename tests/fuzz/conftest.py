"""The fuzzing harness's settings: derandomized (a CI run is repeatable), bounded in examples and time.

RATSINFO_FUZZ_EXAMPLES raises the number of examples for a longer run by hand.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=int(os.environ.get("RATSINFO_FUZZ_EXAMPLES", "60")), deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    database=None)
settings.load_profile("ci")
