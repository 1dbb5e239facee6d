"""Readable tables on narrow and wide terminals: every row of `ledger`, `threads`, `thread`,
`dossier` and `dossiers` is a few lines tall at 80 and 120 columns, no line is wider than the
terminal, and the date, kind and start of the text stay visible (json and csv carry the rest)."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console
from servekit import ENV, invoke

from pledgebook.serve.render import ROW_LINES, TableColumn, print_table

LONG = ("The two sides agreed to accelerate the upgrading of the Main Line-1 railway from Karachi to Peshawar, "
        "to complete the Karakoram Highway realignment, and to open the Khunjerab Pass throughout the year " * 2)


def row_heights(out: str) -> list[int]:
    """Lines per data row of every table in ``out`` (a row starts where its first cell is not blank)."""
    heights: list[int] = []
    body = False
    for line in out.splitlines():
        if line.startswith(("┡", "└")):
            body = line.startswith("┡")
            continue
        if body and line.startswith("│"):
            first = line[1:].split("│", 1)[0]
            if first.strip():
                heights.append(1)
            else:
                heights[-1] += 1
    return heights


def check(out: str, width: int, *expected: str) -> None:
    assert max(len(line) for line in out.splitlines()) <= width, out
    heights = row_heights(out)
    assert heights and max(heights) <= ROW_LINES, out
    for text in expected:
        assert text in out, f"{text!r} not shown at {width} columns:\n{out}"


@pytest.fixture(scope="module")
def thread_id(ledger_url: str) -> int:
    threads = json.loads(invoke("threads", "--db", ledger_url, "--min-docs", "1", "-f", "json").stdout)
    return max(threads, key=lambda t: len(t["members"]))["id"]


@pytest.mark.parametrize("width", [80, 120])
def test_commands_are_readable_at_80_and_120_columns(ledger_url: str, thread_id: int, width: int) -> None:
    def run(*args: object) -> str:
        result = invoke(*args, "--db", ledger_url, env={**ENV, "COLUMNS": str(width)})
        assert result.exit_code == 0, result.output
        return result.stdout

    check(run("ledger"), width, "date", "kind", "2024-03-05", "2023-10-20", "commitment", "Pakistan and China")
    check(run("threads", "--min-docs", "1"), width, "first", "2023-10-20", "latest wording")
    check(run("thread", thread_id), width, "date", "2023-10-20", "2024-03-05")
    dossier = run("dossier", "ML-1")
    check(dossier, width, "date", "kind", "2023-10-20", "commitment", "story")
    check(run("dossiers"), width, "ML-1", "2023", "2024")
    if width >= 120:  # room for the optional columns
        assert "source" in run("ledger") and "actors" in run("ledger")


def render(columns: list[TableColumn], rows: list[list], width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    print_table(console, columns, rows)
    return console.file.getvalue()


def test_print_table_drops_optional_columns_before_squeezing_the_text() -> None:
    columns = [TableColumn("date", 10), TableColumn("source", 18, drop=3), TableColumn("kind", 12),
               TableColumn("sectors", 14, drop=2), TableColumn("entities", 14, drop=1), TableColumn("text", text=True)]
    row = ["2023-10-20", "2023-10-20_china-pakistan-joint-statement.txt", "commitment",
           "transport, connectivity, investment", "ML-1, CPEC, Karakoram Highway", LONG]
    narrow, wide = render(columns, [row], 80), render(columns, [row], 160)
    header = narrow.splitlines()[1]
    assert "date" in header and "kind" in header and "text" in header and "source" not in header
    assert all(name in wide.splitlines()[1] for name in ("source", "sectors", "entities"))
    for out, width in ((narrow, 80), (wide, 160)):
        check(out, width, "2023-10-20", "commitment", "The two sides agreed")
        assert "…" in out  # the long text is cut, not dropped
    # Markup-like text is printed as it is, never interpreted.
    assert "[bold]x[/bold]" in render([TableColumn("text", text=True)], [["[bold]x[/bold]"]], 80)


def test_columns_env_sets_the_width_when_not_a_terminal(ledger_url: str) -> None:
    for width in (80, 120):
        out = invoke("ledger", "--db", ledger_url, env={**ENV, "COLUMNS": str(width)}).stdout
        assert max(len(line) for line in out.splitlines()) == width
