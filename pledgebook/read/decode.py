"""Bytes -> str: BOM-aware UTF-8 first, then charset-normalizer's best guess.

The decoded string is kept exactly as decoded (newlines, whitespace and quotes
untouched) because every offset pledgebook reports indexes it. Only a UTF-8 BOM
is dropped; UTF-16/32 BOMs are consumed by their codecs.
"""

from __future__ import annotations

import codecs
import re

from pledgebook.read.base import ReadError

# Above this share of control characters (other than whitespace) a decoded file is
# taken for binary: random bytes give ~10 %, real text ~0 %.
MAX_CONTROL_SHARE = 0.02

# How close to charset-normalizer's top pick cp1252 must be rated to be preferred.
CP1252_CHAOS_MARGIN = 0.1
CP1252_COHERENCE_MARGIN = 0.1

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0/C1 control characters except the whitespace ones (\t \n \v \f \r).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# A well-formed multi-byte UTF-8 sequence: seeing these in bytes that fail to decode
# means a damaged UTF-8 file, which another codec would only turn into mojibake.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise ReadError (binary or undecodable bytes).

    ``declared`` is an encoding the file names itself (an HTML meta charset): it is
    tried after UTF-8 and before guessing.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:
                raise ReadError(source, f"invalid {codec.upper()} text ({err.reason} at byte {err.start})") from None
            return _checked(text, source), codec
    if b"\x00" in data:
        raise ReadError(source, "binary file, not text")
    try:
        return _checked(data.decode("utf-8"), source), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    if _looks_like_damaged_utf8(data):
        raise ReadError(
            source,
            f"invalid UTF-8 byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start} in an otherwise UTF-8 file",
        )
    if declared:
        codec = _codec(declared)
        if codec:
            try:
                return _checked(data.decode(codec), source), codec
            except UnicodeDecodeError:
                pass  # the declaration is wrong: guess instead
    return _guess(data, source)


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # As in browsers (WHATWG Encoding): a page labelled Latin-1 or ASCII is read as cp1252.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _guess(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ReadError(source, "binary file, not text (no text encoding fits its bytes)")
    # On short texts charset-normalizer ranks Western codepages by a hair (cp1250 before
    # cp1252 turns 'naïve' into 'naďve'); cp1252 is by far the commonest legacy
    # encoding, so it wins whenever it is rated about as plausible as the top pick.
    encoding = best.encoding
    for match in matches:  # could_be_from_charset: codecs giving this very same text
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos + CP1252_CHAOS_MARGIN
            and match.coherence >= best.coherence - CP1252_COHERENCE_MARGIN
        ):
            best, encoding = match, "cp1252"
            break
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text, encoding = str(best), best.encoding
    return _checked(text, source), encoding


def _looks_like_damaged_utf8(data: bytes) -> bool:
    valid = len(_UTF8_MULTIBYTE.findall(data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    return valid > invalid


def _checked(text: str, source: str) -> str:
    if text:
        if len(_CONTROL.findall(text)) / len(text) > MAX_CONTROL_SHARE:
            raise ReadError(source, "binary file, not text")
    return text
