"""Whatever the bytes, a reader returns a RawDocument or raises ReadError: never anything else."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledgebook.read import RawDocument, ReadError, read_document

_PREFIXES = [b"", b"%PDF-1.4\n", b"---\n", b"\xef\xbb\xbf", b"\xff\xfe", b"<html><body>", b"---\ntitle: [\n---\n"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(_PREFIXES),
    body=st.one_of(st.binary(max_size=600), st.text(max_size=300).map(lambda t: t.encode("utf-8"))),
    suffix=st.sampled_from([".txt", ".md", ".html", ".pdf", "", ".xyz"]),
)
def test_any_bytes_read_or_fail_cleanly(prefix, body, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(prefix + body)
        try:
            doc = read_document(path)
        except ReadError as err:
            assert str(err).startswith(f"{path}: ")
            assert "\n" not in str(err)
        else:
            assert isinstance(doc, RawDocument)
            assert 0 <= doc.body_start <= len(doc.text)
