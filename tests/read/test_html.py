"""HTML: main text by trafilatura, metadata, fallback, and clear errors."""

from __future__ import annotations

import pytest

from pledgebook.read import ReadError, read_document, read_text

PAGE = """<!DOCTYPE html>
<html><head><title>Joint Statement | Ministry</title>
<meta property="og:title" content="China-Pakistan Joint Statement">
<meta name="date" content="2023-10-20">
<style>p { color: red }</style></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>China-Pakistan Joint Statement</h1>
<p>Both sides agreed to accelerate the upgrade of the ML-1 railway line and to keep the
Khunjerab Pass open throughout the year, and they reaffirmed their support for each other.</p>
<p>The two sides signed 20 agreements and MoUs on cooperation in energy, trade, agriculture
and people-to-people exchanges, and agreed to meet again next year in Islamabad.</p>
<table><tr><td>Gwadar Port</td><td>accelerate construction of the port</td></tr></table>
<script>var tracking = "should never be read";</script>
</article>
<footer>Copyright notice and cookie banner</footer>
</body></html>
"""


def test_main_text_title_and_date(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    doc = read_document(tmp_path / "page.html")
    assert doc.format == "html"
    assert doc.body_start == 0
    assert doc.encoding == "utf-8"
    assert doc.title == "China-Pakistan Joint Statement"
    assert doc.date == "2023-10-20"
    assert "accelerate the upgrade of the ML-1 railway" in doc.text
    assert "Gwadar Port" in doc.text  # tables are included
    assert "tracking" not in doc.text and "color: red" not in doc.text
    assert "\n\n" in doc.text  # blocks are separate paragraphs for the segmenter


def test_htm_extension_and_legacy_encoding(tmp_path):
    (tmp_path / "page.htm").write_bytes(PAGE.replace("Both sides", "Les deux côtés, très coopératifs,").encode("cp1252"))
    doc = read_document(tmp_path / "page.htm")
    assert "Les deux côtés, très coopératifs," in doc.text
    assert doc.encoding == "cp1252"


@pytest.mark.parametrize(
    ("meta", "encoding", "sample"),
    [
        ('<meta charset="iso-8859-1">', "cp1252", "Les deux côtés – « très » coopératifs,"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">', "cp1250", "Obie strony, Zażółć gęślą jaźń,"),
        ('<meta charset="koi8-r">', "koi8-r", "Обе стороны договорились,"),
    ],
)
def test_declared_charset_is_used(tmp_path, meta, encoding, sample):
    page = PAGE.replace("<head>", f"<head>{meta}").replace("Both sides", sample)
    (tmp_path / "page.html").write_bytes(page.encode(encoding))
    doc = read_document(tmp_path / "page.html")
    assert sample in doc.text
    assert doc.encoding == encoding


def test_wrong_declared_charset_falls_back_to_guessing(tmp_path):
    page = PAGE.replace("<head>", '<head><meta charset="no-such-codec">').replace("Both sides", "Les deux côtés")
    (tmp_path / "page.html").write_bytes(page.encode("cp1252"))
    assert "Les deux côtés" in read_document(tmp_path / "page.html").text


def test_unclosed_tags_still_give_text():
    doc = read_text(
        "<html><body><div><p>unclosed: both sides agreed to strengthen counter-terrorism cooperation",
        format="html",
    )
    assert "both sides agreed to strengthen counter-terrorism cooperation" in doc.text


@pytest.mark.parametrize("html", ["<<<>>>", "<html><body></body></html>", "<html><head><script>x = 1</script></head></html>"])
def test_no_main_text_is_a_clear_error(html):
    with pytest.raises(ReadError, match="^page.html: no main text found in HTML$"):
        read_text(html, source="page.html", format="html")


def test_empty_html_file(tmp_path):
    (tmp_path / "e.html").write_bytes(b"   \n")
    with pytest.raises(ReadError, match=": no text$"):
        read_document(tmp_path / "e.html")


def test_txt_holding_html_stays_text(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    doc = read_document(tmp_path / "page.txt")
    assert doc.format == "text"
    assert doc.text == PAGE
