"""Registers the ``ci`` and ``fuzz`` Hypothesis profiles (profiles.py). pytest loads this conftest
before it reads ``--hypothesis-profile`` when tests/fuzz is named on the command line."""

from . import profiles  # noqa: F401 - registering is the point
