"""Hypothesis profiles for the hostile-input tests: ``ci`` (the default: a few seconds a test)
and ``fuzz`` (scripts/fuzz.sh: many more cases, chosen with pytest's ``--hypothesis-profile fuzz``)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
          HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much]
FUZZ_EXAMPLES = 2000
settings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=_QUIET, derandomize=True)
settings.register_profile("fuzz", max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=_QUIET)


def profile(scale: float = 1.0) -> settings:
    """The settings for a hostile-input test: the fuzz profile when it is loaded, else the small
    CI one; ``scale`` shrinks (or grows) the number of cases of a slow (or quick) test."""
    chosen = settings.get_profile("fuzz" if settings.default.max_examples == FUZZ_EXAMPLES else "ci")
    return settings(chosen, max_examples=max(1, int(chosen.max_examples * scale)))
