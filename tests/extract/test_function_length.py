"""No function of the extraction package is longer than MAX_LINES lines: a longer one hides
more than one decision (read its body as steps with names instead)."""

import ast
from pathlib import Path

import pytest

import pledgebook.extract

MAX_LINES = 80
PACKAGE = Path(pledgebook.extract.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))


def _long_functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {node.name for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > MAX_LINES}


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_no_function_is_longer_than_the_limit(path):
    long = _long_functions(path)
    assert not long, f"{path.name}: {sorted(long)} longer than {MAX_LINES} lines"


def test_the_check_sees_every_module():
    assert {"pipeline.py", "clauses.py", "discourse.py"} <= {p.name for p in MODULES}
