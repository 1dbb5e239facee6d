"""Plain text: decoding, exact text as read, and the clear errors for bad files."""

from __future__ import annotations

import os
import random

import pytest

import pledgebook.read.reader as reader
from pledgebook.read import RawDocument, ReadError, ReadLimits, read_document, read_text


def _error(path, **kwargs) -> str:
    with pytest.raises(ReadError) as info:
        read_document(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_seed_text_reads_as_utf8_text(corpus):
    path = corpus / "seed" / "2023-10-20_china-pakistan-joint-statement.txt"
    doc = read_document(path)
    assert isinstance(doc, RawDocument)
    assert (doc.format, doc.body_start, doc.encoding) == ("text", 0, "utf-8")
    assert doc.source == str(path)
    assert doc.text == path.read_bytes().decode("utf-8")
    assert "Gwadar" in doc.text


def test_source_names_the_document_and_its_errors(tmp_path):
    (tmp_path / "a.txt").write_text("Both sides agreed.", encoding="utf-8")
    assert read_document(tmp_path / "a.txt", source="given/a.txt").source == "given/a.txt"
    assert _error(tmp_path / "none.txt", source="given/none.txt").startswith("given/none.txt: ")


def test_crlf_and_whitespace_are_kept_exactly(tmp_path):
    raw = "Line one,\r\nline two.\r\n\r\n  Indented\u00a0“quoted”\tline.\r\n"
    (tmp_path / "crlf.txt").write_bytes(raw.encode("utf-8"))
    assert read_document(tmp_path / "crlf.txt").text == raw


def test_utf8_bom_is_stripped(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfBoth sides agreed.\r\n")
    doc = read_document(tmp_path / "bom.txt")
    assert doc.text == "Both sides agreed.\r\n"
    assert doc.encoding == "utf-8-sig"


def test_utf16_with_bom(tmp_path):
    raw = "Both sides agreed to accelerate ML-1 — “soon”.\r\n"
    (tmp_path / "u16.txt").write_bytes(raw.encode("utf-16"))
    doc = read_document(tmp_path / "u16.txt")
    assert doc.text == raw
    assert doc.encoding == "utf-16"


@pytest.mark.parametrize(
    "raw",
    [
        "Le ministre a déclaré : « Nous coopérons — c’est l’essentiel. » Café, naïve, façade.\r\n",
        "The minister’s statement – “agreed” – was clear about the café in Zürich.\n",
    ],
)
def test_legacy_western_encoding_is_decoded(tmp_path, raw):
    (tmp_path / "legacy.txt").write_bytes(raw.encode("cp1252"))
    doc = read_document(tmp_path / "legacy.txt")
    assert doc.text == raw
    assert doc.encoding == "cp1252"


def test_latin1_file(tmp_path):
    raw = "La délégation a été reçue à Genève. Très coopératif, déjà prêt.\n"
    (tmp_path / "latin1.txt").write_bytes(raw.encode("latin-1"))
    assert read_document(tmp_path / "latin1.txt").text == raw


def test_damaged_utf8_is_an_error_not_mojibake(tmp_path):
    data = ("They agreed on “cooperation” — it’s clear. " * 5).encode("utf-8") + b"\xff and more."
    (tmp_path / "bad.txt").write_bytes(data)
    assert "invalid UTF-8 byte 0xff" in _error(tmp_path / "bad.txt")


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert _error(tmp_path / "empty.txt") == f"{tmp_path / 'empty.txt'}: empty file"


def test_whitespace_only_file(tmp_path):
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n  \n")
    assert _error(tmp_path / "blank.txt").endswith(": no text")


def test_binary_file_with_nul_bytes(tmp_path):
    data = random.Random(7).randbytes(4096) + b"\x00\x00"
    (tmp_path / "x.txt").write_bytes(data)
    assert _error(tmp_path / "x.txt").endswith(": binary file, not text")


def test_binary_file_without_nul_bytes(tmp_path):
    data = random.Random(11).randbytes(4096).replace(b"\x00", b"\x01")
    (tmp_path / "noext").write_bytes(data)
    assert ": binary file, not text" in _error(tmp_path / "noext")


def test_control_characters_mean_binary(tmp_path):
    (tmp_path / "ctl.txt").write_bytes(b"ab\x01\x02\x03\x04cd\x05\x06\x07\x08" * 50)
    assert _error(tmp_path / "ctl.txt").endswith(": binary file, not text")


def test_unsupported_extension(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04 zipped")
    assert _error(tmp_path / "a.docx") == (
        f"{tmp_path / 'a.docx'}: unsupported format .docx (supported: .txt .md .markdown .html .htm .pdf)"
    )


def test_file_without_extension_is_sniffed_as_text(tmp_path):
    (tmp_path / "README").write_bytes(b"Both sides agreed.\n")
    assert read_document(tmp_path / "README").format == "text"


def test_nonexistent_path(tmp_path):
    assert _error(tmp_path / "missing.txt").endswith(": no such file or directory")


def test_directory_is_not_a_document(tmp_path):
    assert _error(tmp_path).endswith(": is a directory, not a file")


def test_too_large_file(tmp_path):
    (tmp_path / "huge.txt").write_bytes(b"a" * 3 * 1024 * 1024)
    with pytest.raises(ReadError) as err:
        read_document(tmp_path / "huge.txt", limits=ReadLimits(max_file_bytes=2048))
    assert str(err.value) == f"{tmp_path / 'huge.txt'}: file is 3.0 MB, larger than the 2.0 KB limit"


def test_default_limit_is_50_mb():
    assert reader.MAX_FILE_BYTES == 50 * 1024 * 1024


def test_read_text_keeps_the_string():
    doc = read_text("Both sides agreed.\r\n", source="api")
    assert (doc.source, doc.text, doc.format, doc.body_start, doc.encoding) == ("api", "Both sides agreed.\r\n", "text", 0, None)


def test_read_text_rejects_empty_and_pdf():
    with pytest.raises(ReadError, match="^<string>: no text$"):
        read_text("  \n")
    with pytest.raises(ValueError):
        read_text("x", format="pdf")


def test_os_errors_become_read_errors(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "open", denied)  # root ignores file modes, so simulate it
    assert _error(path).endswith(": permission denied")


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert _error(fifo).endswith(": not a regular file")
