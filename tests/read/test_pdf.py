"""PDF: page text joined by blank lines, metadata, and clear errors for bad PDFs."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from pledgebook.read import ReadError, read_document

from .pdfmaker import make_pdf

PAGES = [
    ["Both sides agreed to accelerate the ML-1 railway (Main Line-1).", "They signed 20 agreements."],
    ["The Khunjerab Pass will be open throughout the year."],
]


def _error(path) -> str:
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert "\n" not in str(info.value)
    return str(info.value)


def test_text_per_page_and_metadata(tmp_path):
    info = {"Title": "China-Pakistan Joint Statement", "CreationDate": "D:20231020120000+05'00'", "Author": "MOFA"}
    (tmp_path / "js.pdf").write_bytes(make_pdf(PAGES, info))
    doc = read_document(tmp_path / "js.pdf")
    assert doc.format == "pdf"
    assert doc.title == "China-Pakistan Joint Statement"
    assert doc.date == "2023-10-20"
    assert doc.meta["author"] == "MOFA"
    assert doc.meta["pages"] == 2
    first, second = doc.text.split("\n\n")
    assert "accelerate the ML-1 railway (Main Line-1)." in first
    assert "Khunjerab Pass will be open" in second
    assert "\f" not in doc.text


def test_pdf_without_metadata(tmp_path):
    (tmp_path / "plain.pdf").write_bytes(make_pdf(PAGES))
    doc = read_document(tmp_path / "plain.pdf")
    assert (doc.title, doc.date) == (None, None)


def test_pdf_recognised_by_magic_without_extension(tmp_path):
    (tmp_path / "download").write_bytes(make_pdf(PAGES))
    assert read_document(tmp_path / "download").format == "pdf"


def test_truncated_pdf(tmp_path):
    data = make_pdf(PAGES)
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 2])
    assert ": malformed PDF (" in _error(tmp_path / "cut.pdf")


def test_garbage_after_header(tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    assert ": malformed PDF (" in _error(tmp_path / "bad.pdf")


def test_pdf_extension_without_pdf_bytes(tmp_path):
    (tmp_path / "fake.pdf").write_bytes(b"Just some text pretending to be a PDF.")
    assert _error(tmp_path / "fake.pdf").endswith(": malformed PDF (no %PDF header)")


def _write(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_image_only_pdf_has_no_text(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    (tmp_path / "scan.pdf").write_bytes(_write(writer))
    assert ": no text in PDF (1 page(s); scanned or image-only?)" in _error(tmp_path / "scan.pdf")


def test_password_protected_pdf(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt("secret", algorithm="RC4-128")
    (tmp_path / "locked.pdf").write_bytes(_write(writer))
    assert _error(tmp_path / "locked.pdf").endswith(": encrypted PDF (a password is needed to read it)")


def test_pdf_encrypted_with_empty_user_password_is_read(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    (tmp_path / "restricted.pdf").write_bytes(_write(writer))
    assert "Khunjerab Pass" in read_document(tmp_path / "restricted.pdf").text
