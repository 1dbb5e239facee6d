"""Markdown with YAML front matter: whole file kept, body_start, title/date/meta."""

from __future__ import annotations

import pytest

from pledgebook.read import ReadError, read_document, read_text

BRIEFING = (
    "wh-briefings/statements-releases/2024-10/"
    "2024-10-16-president-joseph-r-biden-jr-approves-alaska-disaster-declaration-10.md"
)


def test_wh_briefing_front_matter(corpus):
    path = corpus / BRIEFING
    if not path.is_file():
        pytest.skip(f"{BRIEFING} is not in this corpus")
    doc = read_document(path)
    raw = path.read_bytes().decode("utf-8")
    assert doc.text == raw  # the whole file, front matter included
    assert doc.format == "markdown"
    assert doc.title == "President Joseph R. Biden, Jr. Approves Alaska Disaster Declaration"
    assert doc.date == "2024-10-16"
    assert doc.text[: doc.body_start].endswith("---\n")
    assert doc.text[doc.body_start :].lstrip().startswith("Today, President Joseph R. Biden, Jr. declared")
    assert doc.meta["source_url"].startswith("https://bidenwhitehouse.archives.gov/briefing-room/")
    assert doc.meta["tags"] == "statements-releases"
    assert doc.meta["published_time"] == "2024-10-16T19:28:11-04:00"  # a YAML datetime, as ISO text
    assert "title" not in doc.meta and "date" not in doc.meta


def test_multiline_title_with_escapes():
    text = (
        '---\ndate: 2021-09-24\ntitle: "Joint Statement from Quad\\_Leaders\\\n'
        '  \\ of the United\\_States"\ntags: [a, b]\n---\nWe, the leaders, will act.\n'
    )
    doc = read_text(text, format="markdown")
    assert doc.title == "Joint Statement from Quad Leaders of the United States"
    assert doc.date == "2021-09-24"
    assert doc.meta == {"tags": ["a", "b"]}
    assert doc.text[doc.body_start :] == "We, the leaders, will act.\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023-10-20", "2023-10-20"), ("'2023-10-20'", "2023-10-20"), ("2023-10-20 10:00:00", "2023-10-20"), ("'2023-10-20T10:00:00+05:00'", "2023-10-20")],
)
def test_date_forms(value, expected):
    doc = read_text(f"---\ndate: {value}\n---\nBody text.\n", format="markdown")
    assert doc.date == expected


def test_unparseable_date_stays_in_meta():
    doc = read_text("---\ndate: sometime in October\n---\nBody text.\n", format="markdown")
    assert doc.date is None
    assert doc.meta["date"] == "sometime in October"


def test_crlf_front_matter_offsets():
    text = "---\r\ntitle: T\r\n---\r\nBody line.\r\n"
    doc = read_text(text, format="markdown")
    assert doc.text == text
    assert doc.text[doc.body_start :] == "Body line.\r\n"


def test_file_keeps_crlf_and_bom_offsets(tmp_path):
    (tmp_path / "a.md").write_bytes(b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nBody.\r\n")
    doc = read_document(tmp_path / "a.md")
    assert doc.text == "---\r\ntitle: T\r\n---\r\nBody.\r\n"
    assert doc.text[doc.body_start :] == "Body.\r\n"
    assert doc.title == "T"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("---\ntitle: [unclosed\n---\nBody text.\n", "while parsing"),
        ("---\n- just\n- a list\n---\nBody text.\n", "not a mapping"),
        ("---\na: &x [1, 2]\nb: *x\n---\nBody text.\n", "aliases are not allowed"),
        ("---\ntitle: never closed\nBody text.\n", "no closing"),
        ("---\ndate: 2023-13-45\n---\nBody text.\n", "month must be in 1..12"),
        ("---\na: " + "[" * 5000 + "]" * 5000 + "\n---\nBody text.\n", "recursion"),
        ("---\na: !!python/object:os.system x\n---\nBody text.\n", "could not determine a constructor"),
    ],
)
def test_malformed_front_matter_is_recorded_not_raised(text, error):
    doc = read_text(text, format="markdown")
    assert doc.body_start == 0
    assert doc.title is None
    assert error in doc.meta["front_matter_error"]
    assert "\n" not in doc.meta["front_matter_error"]


def test_markdown_without_front_matter():
    doc = read_text("# Heading\n\nBody text.\n", format="markdown")
    assert (doc.body_start, doc.title, doc.meta) == (0, None, {})


def test_front_matter_without_body_is_no_text():
    with pytest.raises(ReadError, match="no text"):
        read_text("---\ntitle: Only metadata\n---\n\n", format="markdown")
