"""Hostile and odd input (issue 11): each defect found by fuzzing, with its reproducer as a regression test.

The invariants themselves (spans in range and nested, every non-space character covered, the JSON
round trip) are planparse.check's; tests/test_fuzz.py runs them on generated and mutated texts.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import planparse
from planparse.check import coverage_problems, problems, span_problems

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


# ---- item 6: the item tree agrees with the spans -----------------------------------------------------------


def test_items_after_a_month_label_are_not_children_of_the_closed_items() -> None:
    doc = planparse.parse_text("二、主要工作\n1、开展活动\n三月：\n（1）召开教代会", tag=False)
    assert span_problems(doc) == []
    items = [item for plan in doc.plans for sec in plan.sections for top in sec.items for item in top.walk()]
    first = next(i for i in items if i.marker == "1、")
    assert first.children == [] or all(first.span[0] <= c.span[0] and c.span[1] <= first.span[1] for c in first.children)
    later = next(i for i in items if i.marker == "（1）")
    assert later not in first.children


# ---- item 7: every non-space character lies in a plan, furniture or unassigned span --------------------------


def test_page_number_at_the_very_start_of_a_flattened_text_is_unassigned() -> None:
    # corpus/04 without its title line: the text now starts with the first page's number "1、"
    text = (CORPUS / "04_flattened_pdf.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    assert text.startswith("1、一、")
    doc = planparse.parse_text(text, tag=False)
    assert coverage_problems(doc) == []
    assert any(start == 0 for start, _ in doc.unassigned)


def test_html_tags_and_entities_left_in_a_txt_are_covered() -> None:
    doc = planparse.parse_file(CORPUS / "24_html_scraped_pian.txt", tag=False)
    assert coverage_problems(doc) == []
    first_tag = doc.text.index("<div")
    assert any(s <= first_tag < e for s, e in doc.unassigned)


@pytest.mark.parametrize("invisible", ["\ufeff", "\u200b"])
def test_invisible_characters_at_a_plans_edge_are_covered(invisible: str) -> None:
    text = f"{invisible}XX小学工会工作计划\n一、指导思想\n服务教职工。{invisible}\n二、主要工作\n1、开展活动{invisible}"
    doc = planparse.parse_text(text, tag=False)
    assert coverage_problems(doc) == []
    assert problems(doc) == []


def test_entities_in_a_plan_text_are_covered() -> None:
    doc = planparse.parse_text("XX计划\n一、指导思想\n&#8220;服务&#8221;。&amp;好\n二、主要工作\n1、开展活动\ufeff", tag=False)
    assert problems(doc) == []


def test_corpus_files_satisfy_every_invariant() -> None:
    files = sorted(CORPUS.glob("*.txt"))
    assert files
    found = {f.name: problems(planparse.parse_file(f, tag=False)) for f in files}
    assert {name: p for name, p in found.items() if p} == {}


# ---- item 1: deeply nested HTML ------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [1000, 5000])
def test_deeply_nested_html_is_read(depth: int) -> None:
    page = "<html><body>" + "<div>" * depth + "一、指导思想" + "</div>" * depth + "</body></html>"
    doc = planparse.parse_bytes(page.encode(), source="x.html", tag=False)
    assert doc.text == "一、指导思想"


def test_unclosed_font_tags_keep_the_lines() -> None:
    page = "<html><body>" + "<font>" * 3000 + "一、指导思想<p>以人为本。</p><p>二、主要工作</p></body></html>"
    doc = planparse.parse_bytes(page.encode(), source="x.html", tag=False)
    assert doc.text.splitlines() == ["一、指导思想", "以人为本。", "二、主要工作"]


def test_tables_nested_beyond_the_limit_keep_their_text() -> None:
    depth = 200
    page = "<html><body>" + "<table><tr><td>甲</td><td>" * depth + "一、指导思想" + "</td></tr></table>" * depth + "</body></html>"
    doc = planparse.parse_bytes(page.encode(), source="x.html", tag=False)
    assert "一、指导思想" in doc.text
    assert doc.text.count("甲") == depth


# ---- item 2: anything that is not a regular file is refused at once ---------------------------------------


@pytest.mark.parametrize("name", ["p.txt", "p.docx", "p.html", "p"])
def test_fifo_is_refused_without_blocking(tmp_path: Path, name: str) -> None:
    import os

    fifo = tmp_path / name
    os.mkfifo(fifo)
    done = threading.Event()

    def unblock() -> None:
        # should parse_file open the FIFO and wait for a writer, be that writer after a while: the
        # test then fails on the message instead of hanging the suite
        if not done.wait(20):
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    threading.Thread(target=unblock, daemon=True).start()
    try:
        with pytest.raises(planparse.InputError, match="named pipe, not a regular file"):
            planparse.parse_file(fifo)
    finally:
        done.set()


def test_device_is_refused() -> None:
    with pytest.raises(planparse.InputError, match="device, not a regular file"):
        planparse.parse_file("/dev/zero")


def test_fifo_codebook_is_refused(tmp_path: Path) -> None:
    import os

    from planparse.errors import CodebookError

    fifo = tmp_path / "book.toml"
    os.mkfifo(fifo)
    with pytest.raises(CodebookError, match="not a regular file"):
        planparse.parse_text("二、主要工作\n1、开展活动", codebook=fifo)


# ---- item 3: no DOCTYPE or entity in any part of a .docx, as the XML parser sees it --------------------------

_DOCTYPE = b'<!DOCTYPE w:document [<!ENTITY org "XX\xe5\xad\xa6\xe6\xa0\xa1">]>'


def _rewrite_docx(change: Callable[[dict[str, bytes]], dict[str, bytes]]) -> bytes:
    """plan_docx() with its members (name → bytes) passed through ``change``."""
    import io
    import zipfile

    from plan_inputs import plan_docx

    with zipfile.ZipFile(io.BytesIO(plan_docx())) as src:
        members = {i.filename: src.read(i) for i in src.infolist()}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, blob in change(members).items():
            zf.writestr(member, blob)
    return buf.getvalue()


def _with_doctype(xml: bytes, filler: bytes = b"") -> bytes:
    head, rest = xml.split(b"?>", 1)
    return head + b"?>" + filler + _DOCTYPE + rest


def _doctype_after_long_comment(m: dict[str, bytes]) -> dict[str, bytes]:
    return {**m, "word/document.xml": _with_doctype(m["word/document.xml"], b"<!--" + b"x" * 70_000 + b"-->")}


def _utf32_document(m: dict[str, bytes]) -> dict[str, bytes]:
    xml = _with_doctype(m["word/document.xml"]).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-32"')
    return {**m, "word/document.xml": xml.encode("utf-32")}


def _renamed_main_part(m: dict[str, bytes]) -> dict[str, bytes]:
    out = {k: v for k, v in m.items() if k != "word/document.xml"}
    out["word/document.dat"] = _with_doctype(m["word/document.xml"])
    out["[Content_Types].xml"] = m["[Content_Types].xml"].replace(b"/word/document.xml", b"/word/document.dat")
    out["_rels/.rels"] = m["_rels/.rels"].replace(b"word/document.xml", b"word/document.dat")
    return out


def _entity_reference(m: dict[str, bytes]) -> dict[str, bytes]:
    xml = _with_doctype(m["word/document.xml"]).replace("工作计划".encode(), "工作计划&org;之后的字".encode(), 1)
    return {**m, "word/document.xml": xml}


def _doctype_in_an_image_named_part(m: dict[str, bytes]) -> dict[str, bytes]:
    return {**m, "word/media/note.bin": b'<?xml version="1.0"?>' + _DOCTYPE + b"<a>&org;</a>"}


@pytest.mark.parametrize(
    "change",
    [_doctype_after_long_comment, _utf32_document, _renamed_main_part, _entity_reference, _doctype_in_an_image_named_part],
)
def test_docx_doctype_is_refused_wherever_it_hides(change: Callable[[dict[str, bytes]], dict[str, bytes]]) -> None:
    data = _rewrite_docx(change)
    with pytest.raises(planparse.InputError, match="DOCTYPE|entit"):
        planparse.parse_bytes(data, source="plan.docx", tag=False)


def test_docx_renamed_main_part_without_doctype_still_reads() -> None:
    # the guard refuses declarations, not unusual part names
    def renamed(m: dict[str, bytes]) -> dict[str, bytes]:
        out = _renamed_main_part(m)
        out["word/document.dat"] = m["word/document.xml"]
        return out

    doc = planparse.parse_bytes(_rewrite_docx(renamed), source="plan.docx", tag=False)
    assert "指导思想" in doc.text


# ---- item 4: exports survive characters XML forbids, and never leave a broken file ---------------------------

_FFFF_PLAN = "XX小学工会工作计划\n一、指导思想\n服务教职工。\n二、主要工作\n1、开展活动\uffff。\n2、召开教代会\ufffe。\n三、月份安排\n三月：植树\uffff活动\n"


def test_export_with_uffff_writes_every_file(tmp_path: Path) -> None:
    import openpyxl
    import pandas as pd

    from planparse.io.export import export_documents

    doc = planparse.parse_text(_FFFF_PLAN, tag=False)
    assert doc.plans and doc.plans[0].schedule
    written = export_documents([doc], tmp_path, ["csv", "parquet", "xlsx"])
    assert {p.name for p in written} == {p.name for p in tmp_path.iterdir()}
    assert (tmp_path / "schedule_khcoder.csv") in written
    book = openpyxl.load_workbook(tmp_path / "planparse.xlsx")
    texts = [row[0] for row in book["schedule"].iter_rows(values_only=True)]
    assert texts[0] == "doc_id" and len(texts) == 2
    # the CSV keeps the text as it is (UTF-8 can hold U+FFFF); only the workbook has to drop it
    assert "植树\uffff活动" in pd.read_csv(tmp_path / "schedule_khcoder.csv", encoding="utf-8-sig")["text"].tolist()


def test_a_failing_export_leaves_no_broken_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planparse.io import export

    (tmp_path / "planparse.xlsx").write_bytes(b"the previous workbook")

    def broken_writer(book: object, path: Path) -> None:
        path.write_bytes(b"PK\x03\x04 half a workbook")
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(export, "_save_workbook", broken_writer)
    doc = planparse.parse_text(_FFFF_PLAN, tag=False)
    with pytest.raises(ValueError, match="XML compatible"):
        export.export_documents([doc], tmp_path, ["xlsx"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["planparse.xlsx"]
    assert (tmp_path / "planparse.xlsx").read_bytes() == b"the previous workbook"


def test_export_to_an_unwritable_place_is_an_output_error(tmp_path: Path) -> None:
    from planparse.errors import OutputError
    from planparse.io.export import export_documents

    blocker = tmp_path / "file"
    blocker.write_text("x")
    doc = planparse.parse_text(_FFFF_PLAN, tag=False)
    with pytest.raises(OutputError, match="cannot create the folder"):
        export_documents([doc], blocker / "out", ["csv"])


# ---- item 5: lone surrogates -------------------------------------------------------------------------------


def test_lone_surrogates_are_replaced_at_the_entry_point(tmp_path: Path) -> None:
    from planparse.io.export import export_documents

    text = "二、主要工作\n1、开展活动\ud800。\n2、召开\udfff教代会"
    doc = planparse.parse_text(text, tag=False)
    assert doc.text == text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert len(doc.text) == len(text)  # one for one: offsets into the caller's text still hold
    assert any("surrogate" in w for w in doc.warnings)
    assert problems(doc) == []
    export_documents([doc], tmp_path)  # every format
    assert (tmp_path / "planparse.xlsx").stat().st_size > 0
