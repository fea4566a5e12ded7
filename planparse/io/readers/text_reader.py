"""Plain text: decide the encoding (BOMs, strict UTF-8, GB18030 vs Big5, then charset-normalizer) and decode."""

from __future__ import annotations

import codecs

from planparse.errors import InputError
from planparse.io.readers._config import config, magic_name

_BOMS: list[tuple[bytes, str]] = [
    # UTF-32 first: its LE BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# Bytes that are control characters in every encoding we read; tab, LF, VT, FF, CR and ESC are tolerated.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_CONTROL_TABLE = bytes(range(256))

# a truncated or slightly damaged file still reads when at most this share of characters is lost
_MAX_REPLACED = 0.001
# characters looked at when scoring a candidate decoding: plenty to decide, bounded time on big files
_SAMPLE = 200_000


def lookup_encoding(encoding: str, name: str) -> str:
    """The codec's canonical name, or InputError for an unknown one."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", name) from None


def bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def decode_forced(data: bytes, encoding: str, name: str) -> tuple[str, str]:
    codec = lookup_encoding(encoding, name)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot decode as {codec}: invalid byte at offset {exc.start}", name) from None
    return text, codec


def check_not_binary(data: bytes, name: str) -> None:
    """Refuse images, archives and other binary data handed in as text."""
    kind = magic_name(data)
    if kind:
        raise InputError(f"binary file ({kind}), not text", name)
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text", name)
    sample = data[: 1 << 20]
    controls = len(sample) - len(sample.translate(_CONTROL_TABLE, _CONTROL))
    if sample and controls / len(sample) > config()["binary"]["max_control_ratio"]:
        raise InputError(f"binary file ({controls} control bytes), not text", name)


def _plausible(ch: str) -> bool:
    o = ord(ch)
    return (
        32 <= o < 127
        or ch in "\t\n\r\f"
        or 0x2000 <= o <= 0x206F  # general punctuation: “” … —
        or 0x3000 <= o <= 0x303F  # CJK punctuation: 、。「」
        or 0x3400 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF  # full-width forms: ，：（）
        or 0xA0 <= o <= 0xFF
    )


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a BOM: the byte order whose decoding reads as Chinese or ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:_SAMPLE]
        share = sum(1 for ch in sample if _plausible(ch)) / len(sample)
        if best is None or share > best[0]:
            best = (share, text, codec)
    # the wrong byte order scatters characters over unrelated scripts and control codes
    return (best[1], best[2]) if best and best[0] >= 0.95 else None


def _cjk_score(text: str) -> tuple[float, int]:
    """Share of the CJK characters that are common ones; the wrong one of GB18030/Big5 gives rare characters."""
    from planparse.parse.charmap import common_cjk_chars

    common = common_cjk_chars()
    cjk = [ch for ch in text[:_SAMPLE] if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"]
    if not cjk:
        return 0.0, 0
    hits = sum(1 for ch in cjk if ch in common)
    return hits / len(cjk), len(cjk)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _lenient(data: bytes, codec: str) -> str | None:
    """Decoded text when only a few bytes are damaged (a file cut mid-character), else None."""
    text = data.decode(codec, errors="replace")
    lost = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    return text if lost <= max(1, int(len(text) * _MAX_REPLACED)) else None


def detect_and_decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) for bytes of unknown encoding; InputError when binary or undecodable."""
    bom = bom_encoding(data)
    if bom:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError as exc:
            raise InputError(f"starts with a {bom} byte-order mark but is not valid {bom} (offset {exc.start})", name) from None
        return text, bom
    if b"\x00" in data and magic_name(data) is None:
        found = _utf16_without_bom(data)
        if found:
            return found
    try:
        check_not_binary(data, name)
    except InputError:
        # UTF-16 Chinese without a BOM and without ASCII has no NUL byte, but its bytes fall in the
        # control range often (、 is 01 30): it looks binary unless read as UTF-16
        found = _utf16_without_bom(data) if magic_name(data) is None else None
        if found is None:
            raise
        return found
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass

    # GB18030 accepts almost any Big5 byte sequence and the reverse is often true too, so both are
    # decoded and the one giving common characters wins; ties go to GB18030, the mainland default.
    # Failing a clean decoding, a file with a few damaged bytes (cut mid-character) is still read.
    for decode in (_strict, _lenient):
        if decode is _lenient and (text := decode(data, "utf-8")) is not None:
            return text, "utf-8"
        candidates: list[tuple[float, int, str, str]] = []
        for rank, codec in enumerate(("gb18030", "big5")):
            text = decode(data, codec)
            if text is not None:
                candidates.append((_cjk_score(text)[0], -rank, text, codec))
        if candidates:
            _, _, text, codec = max(candidates)
            return text, codec

    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    # UTF-16/32 without a BOM was handled above (NUL bytes); charset-normalizer's guess of it for
    # NUL-free bytes is pairing up garbage
    if best is not None and best.chaos < 0.2 and not best.encoding.startswith(("utf_16", "utf_32")):
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError("cannot decode: not valid UTF-8, UTF-16, GB18030 or Big5 text (try --encoding)", name)
