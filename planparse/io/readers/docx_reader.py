"""Word .docx: text rebuilt from the body (paragraphs and table rows in document order, Word's
automatic numbering put back in front of numbered paragraphs), then the page headers and footers of
each Word section (see read_docx), after the archive has been checked for zip bombs, external
entities and encryption."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from planparse.errors import InputError, UnsupportedFormatError
from planparse.io.readers._config import config
from planparse.io.readers.docx_numbering import Numbering, W

OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
_CHUNK = 1 << 16

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Parts of a paragraph whose text is not the paragraph's own: deleted revisions, text boxes (their
# paragraphs are lines of their own, see _text_boxes), field instructions, footnote references.
_SKIP = {W + "del", W + "moveFrom", W + "txbxContent", _MC_FALLBACK, W + "instrText", W + "pPr", W + "rPr"}
# "<!DOCTYPE" / "<!ENTITY" as bytes in every encoding an XML parser detects without a declaration
# (UTF-8 and ASCII-compatible ones, UTF-16, UTF-32), searched in the whole of every member
_DTD_BYTES = [
    re.compile(re.escape(word.encode(enc)), re.IGNORECASE)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for enc in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
]


def check_ole(data: bytes, name: str) -> None:
    """An OLE compound file is either an encrypted (password-protected) .docx or an old binary .doc."""
    if not data.startswith(OLE_MAGIC):
        return
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise InputError("password-protected (encrypted) Word document; remove the password in Word and save it again", name)
    raise UnsupportedFormatError("old binary Word .doc format is not supported; open it in Word or WPS and save it as .docx", name)


def is_docx_zip(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _safe_members(data: bytes, name: str) -> dict[str, bytes]:
    """Every member of the archive, decompressed in bounded chunks after the directory has been vetted."""
    limits = config()["docx"]
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError("corrupt or truncated .docx (not a readable zip archive)", name) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits["max_members"]:
            raise InputError(f"refused .docx: {len(infos)} archive members (limit {limits['max_members']})", name)
        max_total = int(limits["max_total_uncompressed_mb"] * 2**20)
        total = sum(i.file_size for i in infos)
        if total > max_total:
            raise InputError(f"refused .docx: {total / 2**20:.0f} MB uncompressed (limit {max_total / 2**20:g} MB), possibly a zip bomb", name)
        for info in infos:
            if info.file_size > limits["ratio_min_bytes"] and info.file_size > limits["max_ratio"] * max(info.compress_size, 1):
                raise InputError(f"refused .docx: {info.filename} expands {info.file_size // max(info.compress_size, 1)}:1, possibly a zip bomb", name)
            if info.flag_bits & 0x1:
                raise InputError("password-protected (encrypted) zip archive, not a readable .docx", name)
        names = {i.filename for i in infos}
        if "word/document.xml" not in names and "[Content_Types].xml" not in names:
            raise InputError("not a Word document: the zip archive has no word/document.xml", name)
        members: dict[str, bytes] = {}
        try:
            for info in infos:
                if info.is_dir():
                    continue
                buf = bytearray()
                # zipfile stops each member at its declared size and checks the CRC; reading in chunks
                # keeps a member that lies about its size from inflating in one call
                with zf.open(info) as fh:
                    while chunk := fh.read(_CHUNK):
                        buf += chunk
                        if len(buf) > info.file_size:
                            raise InputError(f"refused .docx: {info.filename} is larger than declared", name)
                members[info.filename] = bytes(buf)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
            detail = (str(exc).splitlines() or [""])[0][:200]
            raise InputError(f"corrupt or truncated .docx ({detail})", name) from None
    for member, blob in members.items():
        _refuse_dtd(member, blob, name)
    return members


def _refuse_dtd(member: str, blob: bytes, name: str) -> None:
    """Refuse a member that declares a DOCTYPE or entities, whatever its name, size or encoding.

    Two checks: the bytes (any part, the whole of it: a DOCTYPE may follow a long comment), and
    what lxml itself makes of the part: python-docx reads parts by content type, not by name, so
    every member that parses as XML is looked at as the parser sees it.
    """
    if any(p.search(blob) for p in _DTD_BYTES):
        raise InputError(f"refused .docx: {member} declares a DOCTYPE or entities", name)
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(blob, parser)
    except etree.XMLSyntaxError:
        return  # not XML (an image) or broken XML: python-docx fails on it in turn, as corrupt
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise InputError(f"refused .docx: {member} declares a DOCTYPE or entities", name)
    if any(isinstance(el, etree._Entity) for el in root.iter()):
        raise InputError(f"refused .docx: {member} refers to an entity", name)


def _repack(members: dict[str, bytes]) -> io.BytesIO:
    """A fresh stored (uncompressed) archive of the vetted members, for python-docx to open."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for member, blob in members.items():
            zf.writestr(member, blob)
    out.seek(0)
    return out


def _run_text(el: Any, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        else:
            _run_text(child, out)


def _owner(el: Any, tag: str) -> Any | None:
    """The nearest ancestor of ``el`` with this tag."""
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _text_boxes(p: Any) -> list[Any]:
    """The text boxes of paragraph ``p`` itself: not Word's fallback copy of one (mc:Fallback), nor
    one inside another box (reached through that box's paragraphs)."""
    boxes = []
    for box in p.iter(W + "txbxContent"):
        parent = box.getparent()
        while parent is not None and parent is not p and parent.tag not in (_MC_FALLBACK, W + "txbxContent"):
            parent = parent.getparent()
        if parent is p:
            boxes.append(box)
    return boxes


def _grid_count(el: Any) -> int:
    """A gridSpan's or gridBefore's count of grid columns: 0 when absent or not a whole number,
    at most the readers' cap (readers.toml docx.max_grid_span)."""
    if el is None:
        return 0
    try:
        n = int(el.get(W + "val", "0"))
    except ValueError:
        return 0
    return min(max(n, 0), int(config()["docx"]["max_grid_span"]))


class _Builder:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.lines: list[str] = []

    def paragraph_text(self, p: Any) -> str:
        parts: list[str] = []
        _run_text(p, parts)
        marker = self.numbering.marker(p)
        return (marker or "") + "".join(parts)

    def cell_text(self, tc: Any) -> str:
        texts: list[str] = []
        for child in tc.iter(W + "p", W + "tbl"):
            if child.tag == W + "p":
                # nested tables' paragraphs are reached through iter() too
                t = self.paragraph_text(child).replace("\n", " ").strip()
                if t:
                    texts.append(t)
        return " ".join(texts)

    def table(self, tbl: Any) -> None:
        for tr in tbl.iter(W + "tr"):
            if _owner(tr, W + "tbl") is not tbl:
                continue  # a nested table's rows belong to their cell
            # one cell per column of the grid: the columns a row skips (gridBefore) and those a cell
            # spans beside it (gridSpan) are empty cells, so that the cells after them stay under
            # their own header, as a cell merged down leaves its rows an empty one
            cells = [""] * _grid_count(tr.find(f"{W}trPr/{W}gridBefore"))
            for tc in tr.iter(W + "tc"):
                if _owner(tc, W + "tr") is not tr:
                    continue
                span = max(_grid_count(tc.find(f"{W}tcPr/{W}gridSpan")), 1)
                v_merge = tc.find(f"{W}tcPr/{W}vMerge")
                if v_merge is not None and v_merge.get(W + "val", "continue") == "continue":
                    cells.extend([""] * span)  # the merged cell's text was given on the row where it starts
                    continue
                cells.append(self.cell_text(tc))
                cells.extend([""] * (span - 1))
            while cells and not cells[-1]:
                cells.pop()
            self.lines.append(" | ".join(cells))

    def block(self, el: Any) -> None:
        tag = el.tag
        if tag == W + "p":
            self.lines.append(self.paragraph_text(el))
            # a text box anchored in the paragraph (a title or the school's name laid out in one):
            # its paragraphs and tables are lines of their own, after the anchor's
            for box in _text_boxes(el):
                for child in box:
                    self.block(child)
        elif tag == W + "tbl":
            self.table(el)
        elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
            for child in el:
                self.block(child)


def _part_element(document: Any, reltype: str) -> Any | None:
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None


# the parts a section's sectPr refers to, in the order their lines are given: the first page's, the
# other pages' and the even pages' header, then the footers likewise
_HEADER_FOOTER_REFS = [(ref, kind) for ref in (W + "headerReference", W + "footerReference") for kind in ("first", "default", "even")]
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _header_footer_parts(document: Any) -> list[Any]:
    """The root elements of the headers and footers the sections define, each part once.

    A section whose header is linked to the previous one has no reference of its own (Word repeats
    the earlier header): only the parts a section names are read, and a part two sections name
    (a copied document) only the first time. A first-page or even-page header is read even where
    the section does not show it (no titlePg, no evenAndOddHeaders in the settings): it is text
    of the file all the same."""
    body = document.element.body
    seen: set[int] = set()
    roots: list[Any] = []
    for sect_pr in body.iter(W + "sectPr"):  # in document order: the last section's is the body's own
        if _owner(sect_pr, W + "sectPrChange") is not None:
            continue  # a tracked change's record of the section's old properties
        for tag, kind in _HEADER_FOOTER_REFS:
            for ref in sect_pr.findall(tag):
                if ref.get(W + "type", "default") != kind:
                    continue
                part = document.part.related_parts.get(ref.get(_R_ID))
                root = getattr(part, "element", None)
                if root is not None and id(part) not in seen:
                    seen.add(id(part))
                    roots.append(root)
    return roots


def read_docx(data: bytes, name: str) -> tuple[str, str]:
    """The text of a .docx: one line per paragraph and per table row (cells joined by " | "), as
    (body, page headers and footers).

    The headers' and footers' lines (the school's name, 第 页 with its PAGE field showing no digits
    here) are given apart, after the body, for the reader to mark as furniture: after the body,
    where they cannot compete with the real title (a header repeating it would be taken for it at
    the top) nor fall into a section (a page number after a month line reads as one more month's
    work), and in one place, not per page or per Word section, since the body's page breaks are
    not known and a section break can fall inside a list."""
    check_ole(data, name)
    members = _safe_members(data, name)
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        document = docx.Document(_repack(members))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors … for broken packages
        detail = (str(exc).splitlines() or [""])[0][:200]
        raise InputError(f"corrupt .docx ({type(exc).__name__}: {detail})", name) from None
    body = document.element.body
    builder = _Builder(Numbering(_part_element(document, RT.NUMBERING), _part_element(document, RT.STYLES)))
    for el in body:
        builder.block(el)
    body_lines, builder.lines = builder.lines, []
    for root in _header_footer_parts(document):
        for el in root:
            builder.block(el)
    # an empty header paragraph (Word's templates have one) is no line: it holds no text to keep
    return "\n".join(body_lines), "\n".join(ln for ln in builder.lines if ln.strip())
