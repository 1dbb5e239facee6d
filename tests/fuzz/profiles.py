"""How many cases each hostile-input test draws: a few dozen in the suite (the ``ci`` settings,
derandomized: the same cases every run), or a campaign's many (scripts/fuzz.sh passes
``--fuzz-cases N`` and, to repeat a run, ``--hypothesis-seed``)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
          HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much]
CI = settings(max_examples=40, deadline=None, suppress_health_check=_QUIET, derandomize=True, database=None)
CAMPAIGN: dict[str, int] = {}  # {"cases": N} while a campaign runs (set by conftest from --fuzz-cases)


def profile(scale: float = 1.0) -> settings:
    """The settings for a hostile-input test; ``scale`` shrinks (or grows) the number of cases of
    a slow (or quick) test, relative to the others."""
    cases = CAMPAIGN.get("cases")
    if cases is None:
        return settings(CI, max_examples=max(1, int(CI.max_examples * scale)))
    return settings(CI, derandomize=False, max_examples=max(1, int(cases * scale)))
