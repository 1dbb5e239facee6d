"""Readable tables on narrow and wide terminals: every row of `ledger`, `threads`, `thread`,
`dossier` and `dossiers` is a few lines tall at 120 columns, and at 80 columns a statement is a
list entry of at most 6 lines with its text first at full width; no line is wider than the
terminal, and the date, kind and start of the text stay visible (json and csv carry the rest)."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console
from servekit import ENV, invoke

from pledgebook.serve.render import LIST_BELOW, ROW_LINES, TableColumn, print_table

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


def entry_heights(out: str) -> list[int]:
    """Lines per entry of the list layout (entries are separated by a blank line; the caption,
    alone after the last blank line, is not an entry)."""
    blocks = [b for b in out.split("\n\n") if b.strip()]
    return [len(b.strip("\n").splitlines()) for b in blocks if "\n" in b.strip("\n")]


def check(out: str, width: int, *expected: str, lines: int = ROW_LINES) -> None:
    assert max(len(line) for line in out.splitlines()) <= width, out
    if width < LIST_BELOW and "┏" not in out:  # the list layout
        heights = entry_heights(out)
        assert heights and max(heights) <= lines + 3, out  # text, a line of details, a title or blank
    else:
        heights = row_heights(out)
        assert heights and max(heights) <= lines, out
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

    check(run("ledger"), width, "2024-03-05", "2023-10-20", "commitment", "Pakistan and China")
    check(run("threads", "--min-docs", "1"), width, "2023-10-20")
    check(run("thread", thread_id), width, "2023-10-20", "2024-03-05", lines=6)
    dossier = run("dossier", "ML-1")
    check(dossier, width, "2023-10-20", "commitment", "story", lines=5)
    check(run("dossiers"), width, "ML-1", "2023", "2024")
    if width >= 120:  # a table, with room for the optional columns
        assert "source" in run("ledger") and "actors" in run("ledger")
        assert "date" in run("ledger") and "latest wording" in run("threads", "--min-docs", "1")


def test_ledger_at_80_columns_is_a_list_with_the_text_first(ledger_url: str) -> None:
    out = invoke("ledger", "--db", ledger_url, env={**ENV, "COLUMNS": "80"}).stdout
    assert "│" not in out  # no squeezed table
    entries = [b.strip("\n").splitlines() for b in out.split("\n\n") if "\n" in b.strip("\n")]
    assert entries and all(len(e) <= 6 for e in entries), out
    for entry in entries:
        details = entry[-1]
        assert details.startswith("  20"), entry  # the details line: the date first, indented
        assert not entry[0].startswith(" ")  # the statement's text comes first, at full width
    assert any("pledged to upgrade the Main Line-1 railway" in " ".join(e[:-1]) for e in entries), out


def render(columns: list[TableColumn], rows: list[list], width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    print_table(console, columns, rows)
    return console.file.getvalue()


def test_print_table_drops_optional_columns_before_squeezing_the_text() -> None:
    columns = [TableColumn("date", 10), TableColumn("source", 18, drop=3), TableColumn("kind", 12),
               TableColumn("sectors", 14, drop=2), TableColumn("entities", 14, drop=1), TableColumn("text", text=True)]
    row = ["2023-10-20", "2023-10-20_joint-statement.txt", "commitment",
           "transport, connectivity, investment", "ML-1, CPEC, Karakoram Highway", LONG]
    narrow, wide = render(columns, [row], LIST_BELOW), render(columns, [row], 160)
    header = narrow.splitlines()[1]
    assert "date" in header and "kind" in header and "text" in header
    assert "source" not in header and "sectors" not in header  # the highest drop goes first
    assert all(name in wide.splitlines()[1] for name in ("source", "sectors", "entities"))
    for out, width in ((narrow, LIST_BELOW), (wide, 160)):
        check(out, width, "2023-10-20", "commitment", "The two sides agreed")
        assert "…" in out  # the long text is cut, not dropped
    # Markup-like text is printed as it is, never interpreted.
    assert "[bold]x[/bold]" in render([TableColumn("text", text=True)], [["[bold]x[/bold]"]], 80)


def test_below_list_width_a_table_is_a_list_text_first_then_one_line_of_details() -> None:
    columns = [TableColumn("date", 10), TableColumn("kind", 12), TableColumn("source", 18, drop=3),
               TableColumn("text", text=True)]
    rows = [["2023-10-20", "commitment", "Joint Statement", LONG], ["2024-03-05", "position", None, "Short one."]]
    out = render(columns, rows, 60)
    entries = [b.splitlines() for b in out.strip("\n").split("\n\n")]
    assert [len(e) for e in entries] == [ROW_LINES + 2, 2], out
    assert entries[0][0].startswith("The two sides agreed") and entries[0][-2].endswith("…")
    assert entries[0][-1] == "  2023-10-20 · commitment · Joint Statement"
    assert entries[1] == ["Short one.", "  2024-03-05 · position"]  # an empty cell is left out
    assert max(len(line) for line in out.splitlines()) <= 60


def test_a_list_with_two_text_columns_labels_them_and_skips_empty_ones() -> None:
    columns = [TableColumn("", 8), TableColumn("old wording", text=True), TableColumn("new wording", text=True)]
    out = render(columns, [["repeated", "will build a port", "will build two ports"], ["new", None, "will fund"]], 70)
    assert out.splitlines()[:3] == ["old wording: will build a port", "new wording: will build two ports",
                                    "  repeated"]
    assert "old wording" not in out.split("\n\n")[1]


def test_columns_env_sets_the_width_when_not_a_terminal(ledger_url: str) -> None:
    for width in (120, 160):
        out = invoke("ledger", "--db", ledger_url, env={**ENV, "COLUMNS": str(width)}).stdout
        assert max(len(line) for line in out.splitlines()) == width
    # A command with a wide default for files (rules) still follows COLUMNS when it is set.
    out = invoke("rules", env={**ENV, "COLUMNS": "80"}).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
