"""Quoted text is clean prose, and wordings are compared word by word: `thread` marks what
each member changed from the one before, `diff` shows old and new wording side by side."""

from __future__ import annotations

import io
import json

from rich.console import Console
from servekit import ENV, HASHING, invoke

from pledgebook.serve.wording import marked_pair, prose, word_diff

OLD = "The leaders committed to pursue efforts towards sustainable development of the U.S.-India partnership."
NEW = "The leaders also resolved to pursue efforts towards development of the U.S.-India partnership and peace."


def test_prose_drops_markdown_html_and_hard_wrap_spacing() -> None:
    assert prose("a new **Framework for the\n   U.S.-India** <u>Major</u>  Defense *Partnership*") == \
        "a new Framework for the U.S.-India Major Defense Partnership"
    assert prose("snake_case and 2*3 stay") == "snake_case and 2*3 stay"


def test_word_diff_marks_dropped_and_added_words_in_place() -> None:
    diff = word_diff(OLD, NEW, plain=True).plain
    # "partnership." and "partnership" are the same word: edge punctuation is not a change.
    assert diff == ("The leaders [-committed-] {+also resolved+} to pursue efforts towards [-sustainable-] "
                    "development of the U.S.-India partnership {+and peace.+}")
    assert "U . S" not in diff and "U.S.-India" in diff  # words, never tokens re-spaced


def test_word_diff_styles_instead_of_marks_on_a_colour_terminal() -> None:
    diff = word_diff(OLD, NEW)
    assert "[-" not in diff.plain and "{+" not in diff.plain
    styled = {diff.plain[s.start:s.end]: str(s.style) for s in diff.spans}
    assert styled["committed"].startswith("red") and styled["also resolved"].startswith("green")


def test_a_wording_too_different_is_shown_whole() -> None:
    assert word_diff("China pledged to build a port.", "Both sides discussed regional security at length.",
                     plain=True).plain == "Both sides discussed regional security at length."


def test_marked_pair_marks_each_side() -> None:
    old, new = marked_pair("will build a port in 2030", "will build two ports in 2030", plain=True)
    assert old.plain == "will build [-a port-] in 2030"
    assert new.plain == "will build {+two ports+} in 2030"


def test_thread_shows_a_word_diff_between_consecutive_members(ledger_url: str) -> None:
    threads = json.loads(invoke("threads", "--db", ledger_url, "--min-docs", "2", "-f", "json").stdout)
    ml1 = next(t for t in threads if any("Main Line-1" in m["text"] for m in t["members"]))
    for width in ("80", "120"):
        out = invoke("thread", ml1["id"], "--db", ledger_url, env={**ENV, "COLUMNS": width}).stdout
        flat = " ".join(out.replace("│", " ").split())
        assert "change from previous" not in out
        assert "[-" in flat and "{+" in flat, out  # the second member's changes, marked in place
        assert "Main Line-1 railway" in flat


def test_diff_shows_old_and_new_wording(ledger_url: str, docs) -> None:
    old, new = sorted(str(p) for p in docs.iterdir())
    for width, stacked in (("80", True), ("160", False)):
        result = invoke("diff", old, new, "--db", ledger_url, *HASHING, env={**ENV, "COLUMNS": width})
        assert result.exit_code == 0, result.output
        out = result.stdout
        assert max(len(line) for line in out.splitlines()) <= int(width)
        if stacked:
            assert "old wording: " in out and "new wording: " in out
        else:
            header = next(line for line in out.splitlines() if "wording" in line)
            assert header.startswith("┃") and "old wording" in header and "new wording" in header
        assert "repeated" in out


def test_tables_quote_clean_prose() -> None:
    from pledgebook.serve.render import TableColumn, print_table

    for width in (80, 160):
        console = Console(file=io.StringIO(), width=width, color_system=None)
        print_table(console, [TableColumn("text", text=True)], [[prose("the **TRUST**  <u>initiative</u>")]])
        assert "the TRUST initiative" in console.file.getvalue()
