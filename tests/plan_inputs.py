"""Inputs for the reader tests, built at test time: a sample plan, .docx files with real Word numbering
and a month table, and the bad inputs planparse must refuse."""

from __future__ import annotations

import functools
import io
import struct
import zipfile
from pathlib import Path

PLAN_TXT = """2024年学校工会工作计划
一、指导思想
以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，团结和带领全体教职工，为学校发展贡献力量。
二、主要工作
（一）加强教职工思想建设
1.组织教职工学习师德规范。
2.开展师德标兵评选活动。
（二）丰富教职工文体生活
1.举办教职工趣味运动会。
2.组织读书沙龙活动。
三、月份工作安排
二月份：讨论制定工会工作计划
三月份：庆祝三八妇女节
四月份：举办教职工趣味运动会
"""

# The same plan as Word writes it: numbers come from numbering.xml, the months are a table.
PLAN_DOCX_BLOCKS: list[tuple[str, object]] = [
    ("p", "2024年学校工会工作计划"),
    ("num", (0, "指导思想")),
    ("p", "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，团结和带领全体教职工，为学校发展贡献力量。"),
    ("num", (0, "主要工作")),
    ("num", (1, "加强教职工思想建设")),
    ("num", (2, "组织教职工学习师德规范。")),
    ("num", (2, "开展师德标兵评选活动。")),
    ("num", (1, "丰富教职工文体生活")),
    ("num", (2, "举办教职工趣味运动会。")),
    ("num", (2, "组织读书沙龙活动。")),
    ("num", (0, "月份工作安排")),
    ("table", [["二月份", "讨论制定工会工作计划"], ["三月份", "庆祝三八妇女节"], ["四月份", "举办教职工趣味运动会"]]),
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}<w:lvlJc w:val="left"/></w:lvl>'
    )


# abstractNum 10: the plan outline 一、/（一）/1.; 11: other formats; 12: a list restarted by startOverride
NUMBERING_XML = (
    f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="10">'
    + _lvl(0, "chineseCounting", "%1、")
    + _lvl(1, "chineseCounting", "（%2）")
    + _lvl(2, "decimal", "%3.")
    + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="11">'
    + _lvl(0, "decimalEnclosedCircle", "%1")
    + _lvl(1, "ideographTraditional", "%2、")
    + _lvl(2, "chineseCountingThousand", "第%3条", start=11)
    + _lvl(3, "decimal", "%1.%4", extra='<w:isLgl/>')
    + _lvl(4, "bullet", "\u2022")
    + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="12">'
    + _lvl(0, "decimal", "%1、")
    + "</w:abstractNum>"
    '<w:num w:numId="20"><w:abstractNumId w:val="10"/></w:num>'
    '<w:num w:numId="21"><w:abstractNumId w:val="11"/></w:num>'
    '<w:num w:numId="22"><w:abstractNumId w:val="12"/></w:num>'
    '<w:num w:numId="23"><w:abstractNumId w:val="12"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    "</w:numbering>"
)


def new_document():  # -> docx.Document with our numbering definitions
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    document = docx.Document()
    part = next(r.target_part for r in document.part.rels.values() if r.reltype == RT.NUMBERING)
    part._element = parse_xml(NUMBERING_XML)
    return document


def add_numbered(document, text: str, num_id: int, ilvl: int) -> None:
    from docx.oxml import parse_xml

    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def add_table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value


def merge_cells(table, first: tuple[int, int], last: tuple[int, int]):  # -> docx cell
    """Merge a block of cells as Word does, keeping one paragraph (Word drops the empty ones)."""
    merged = table.cell(*first).merge(table.cell(*last))
    for p in merged.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    return merged


def table_plan(title: str, heading: str, rows: list[list[str]]):  # -> docx.Document
    """A plan of a title, one numbered heading and a table under it."""
    d = new_document()
    d.add_paragraph(title)
    add_numbered(d, heading, 20, 0)
    add_table(d, rows)
    return d


def docx_bytes(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def plan_docx() -> bytes:
    document = new_document()
    for kind, value in PLAN_DOCX_BLOCKS:
        if kind == "p":
            document.add_paragraph(value)
        elif kind == "num":
            ilvl, text = value
            add_numbered(document, text, 20, ilvl)
        else:
            add_table(document, value)
    return docx_bytes(document)


# ---- bad inputs ------------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde" + bytes(200)


def ole_container(stream_names: list[str]) -> bytes:
    """A minimal OLE compound-file image: the header magic, then directory entries with these names."""
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + struct.pack("<HH", 0x3E, 3) + bytes(512 - 28)
    entries = b""
    for name in ["Root Entry", *stream_names]:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        entries += raw.ljust(64, b"\x00") + struct.pack("<H", len(raw)) + bytes(128 - 66)
    return header + entries.ljust(512, b"\x00")


def _zeros_docx(mb: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            block = b"\x00" * (1 << 20)
            for _ in range(mb):
                fh.write(block)
    return buf.getvalue()


@functools.cache
def zip_bomb() -> bytes:
    """A .docx-shaped zip whose document.xml inflates from about 100 kB to 110 MB (above the total cap)."""
    return _zeros_docx(110)


def ratio_bomb() -> bytes:
    """Under the total cap, but document.xml expands about 1000 times."""
    return _zeros_docx(20)


def lying_zip() -> bytes:
    """document.xml declares 1000 bytes in the central directory but inflates to 20 MB."""
    data = bytearray(_zeros_docx(20))
    cd = data.rfind(b"PK\x01\x02")  # the last central-directory entry: word/document.xml
    # zip64: the real sizes sit in the extra field; point the 32-bit fields at small values instead
    struct.pack_into("<II", data, cd + 20, 500, 1000)
    name_len, extra_len = struct.unpack_from("<HH", data, cd + 28)
    extra = cd + 46 + name_len
    data[extra : extra + extra_len] = b"\x00" * extra_len  # an unknown (zero) extra block: no zip64 sizes
    return bytes(data)


def entity_docx() -> bytes:
    """A valid .docx whose document.xml declares an external entity."""
    src = zipfile.ZipFile(io.BytesIO(plan_docx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/document.xml":
                head, rest = blob.split(b"?>", 1)
                blob = head + b'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + rest
            zf.writestr(info, blob)
    return buf.getvalue()


def bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name → (path, a word the error message must contain)."""
    import random

    tmp.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(7)
    files: dict[str, tuple[str, bytes, str]] = {
        "empty": ("empty.txt", b"", "empty"),
        "image_as_txt": ("photo.txt", PNG, "binary"),
        "control_bytes": ("noise.txt", bytes(rnd.randrange(1, 32) for _ in range(4000)), "binary"),
        "truncated_docx": ("cut.docx", plan_docx()[:3000], "corrupt"),
        "garbage_docx": ("junk.docx", b"this is not a zip archive at all" * 10, "corrupt"),
        "encrypted_docx": ("secret.docx", ole_container(["EncryptionInfo", "EncryptedPackage"]), "password"),
        "old_doc": ("old.doc", ole_container(["WordDocument", "1Table"]), "save it as .docx"),
        "pdf": ("plan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", ".docx"),
        "unknown_ext": ("plan.xyz", "一、指导思想".encode(), ".txt"),
        "undecodable": ("mojibake.txt", bytes(rnd.randrange(32, 256) for _ in range(3000)), "decode"),
        "zip_bomb": ("bomb.docx", zip_bomb(), "zip bomb"),
        "ratio_bomb": ("ratio.docx", ratio_bomb(), "zip bomb"),
        "lying_zip": ("lying.docx", lying_zip(), ".docx"),
        "entity_docx": ("xxe.docx", entity_docx(), "DOCTYPE"),
    }
    out = {key: (tmp / fname, word) for key, (fname, _, word) in files.items()}
    for fname, data, _ in files.values():
        (tmp / fname).write_bytes(data)
    (tmp / "folder.txt").mkdir(exist_ok=True)
    out["directory"] = (tmp / "folder.txt", "directory")
    out["missing"] = (tmp / "nowhere.txt", "no such file")
    return out
