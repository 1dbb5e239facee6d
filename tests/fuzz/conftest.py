"""``--fuzz-cases N``: run the hostile-input tests as a campaign of about N cases each
(scripts/fuzz.sh); without it they draw the suite's few dozen (profiles.py)."""

from __future__ import annotations

from .profiles import CAMPAIGN


def pytest_addoption(parser):
    parser.addoption("--fuzz-cases", type=int, default=None,
                     help="hostile-input tests: cases per test (a fuzz campaign; scripts/fuzz.sh)")


def pytest_configure(config):
    cases = config.getoption("--fuzz-cases", default=None)
    if cases:
        CAMPAIGN["cases"] = cases
