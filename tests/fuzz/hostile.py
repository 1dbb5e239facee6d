"""Hypothesis strategies for hostile and malformed documents: random bytes, invalid UTF-8,
mixed encodings, enormous lines, deeply nested or broken HTML, broken, encrypted and
"zip bomb" PDFs, control characters. Sizes stay small enough for the CI profile; the fuzz
profile (scripts/fuzz.sh) draws many more of them."""

from __future__ import annotations

import io
import zlib

from hypothesis import strategies as st

from read.pdfmaker import make_pdf  # tests/ is on the path (tests/read is a package)

from .bigfiles import sentences

_PROSE = [s for s, _ in zip(sentences(7), range(40))]
prose = st.lists(st.sampled_from(_PROSE), min_size=1, max_size=8).map(" ".join)
control_chars = st.text(st.characters(min_codepoint=0, max_codepoint=0x9F, exclude_characters="\n\t "),
                        min_size=1, max_size=40)
# text with odd characters anywhere: controls, surrogate-free astral, bidi marks, NBSP, ...
odd_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)


def _html_nest(depth: int, tag: str, inner: str) -> str:
    return f"<{tag}>" * depth + inner + f"</{tag}>" * depth


@st.composite
def nested_html(draw) -> bytes:
    depth = draw(st.integers(1, 5000))
    tag = draw(st.sampled_from(["div", "b", "table", "p", "span", "ul"]))
    closed = draw(st.booleans())
    html = _html_nest(depth, tag, draw(prose))
    if not closed:  # broken: cut anywhere
        html = html[: draw(st.integers(0, len(html)))]
    return f"<html><head><title>T</title></head><body>{html}</body></html>".encode()


@st.composite
def broken_html(draw) -> bytes:
    pieces = draw(st.lists(st.one_of(
        prose, st.sampled_from(["<p>", "</p>", "<div", "<!--", "-->", "<script>", "</script>", "<![CDATA[",
                                "&amp", "&#xFFFFFFFF;", "<meta charset='utf-16'>", "<table><tr><td>", "<", ">"]),
        odd_text), max_size=30))
    return "".join(pieces).encode("utf-8", errors="replace")


@st.composite
def mixed_encodings(draw) -> bytes:
    parts = draw(st.lists(st.tuples(st.one_of(prose, odd_text),
                                    st.sampled_from(["utf-8", "cp1252", "utf-16", "latin-1", "shift_jis", "koi8-r"])),
                          min_size=1, max_size=5))
    return b"".join(text.encode(codec, errors="replace") for text, codec in parts)


@st.composite
def invalid_utf8(draw) -> bytes:
    data = bytearray(draw(prose).encode())
    for _ in range(draw(st.integers(1, 5))):
        data.insert(draw(st.integers(0, len(data))), draw(st.sampled_from([0x80, 0xC0, 0xC3, 0xE2, 0xFF, 0xF8])))
    return bytes(data)


@st.composite
def enormous_line(draw) -> bytes:
    unit = draw(st.one_of(st.sampled_from(["a", ".", ",", " ,", "1 ", "U.S. ", "(i) ", ";", "...\"", "-", "’"]),
                          prose))
    size = draw(st.integers(1_000, 200_000))
    return (unit * (size // len(unit) + 1))[:size].encode()


@st.composite
def text_with_controls(draw) -> bytes:
    pieces = draw(st.lists(st.one_of(prose, control_chars), min_size=1, max_size=10))
    return " ".join(pieces).encode("utf-8")


@st.composite
def broken_pdf(draw) -> bytes:
    pages = draw(st.lists(st.lists(st.sampled_from(_PROSE), min_size=1, max_size=3), min_size=1, max_size=3))
    data = bytearray(make_pdf(pages, info=draw(st.sampled_from([None, {"Title": "T", "CreationDate": "D:2024"}]))))
    for _ in range(draw(st.integers(0, 6))):
        where = draw(st.integers(0, len(data) - 1))
        data[where] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(4, len(data)))]
    return bytes(data)


def encrypted_pdf(password: str = "secret") -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def bomb_pdf(inflated: int, pages: int = 1) -> bytes:
    """A PDF whose pages' content streams are Flate streams inflating to ``inflated`` bytes each
    (spaces: about a thousand to one)."""
    stream = zlib.compress(b" " * inflated, 9)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    raw = []
    kids = []
    for _ in range(pages):
        objects.append(None)  # the stream, written as bytes below
        raw.append(len(objects))
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {len(objects)} 0 R >>")
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {pages} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        if body is None:
            out += f"{number} 0 obj\n<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
            out += stream + b"\nendstream\nendobj\n"
        else:
            out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


hostile_bytes = st.one_of(
    st.binary(max_size=2000), invalid_utf8(), mixed_encodings(), enormous_line(), text_with_controls(),
    nested_html(), broken_html(), broken_pdf(), odd_text.map(lambda t: t.encode("utf-8")),
)
suffixes = st.sampled_from([".txt", ".md", ".html", ".pdf", ""])
