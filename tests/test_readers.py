"""The readers: encodings, .docx (Word numbering, tables, safety), .html, traditional characters, bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from plan_inputs import (
    PLAN_TXT,
    add_numbered,
    add_table,
    bad_inputs,
    docx_bytes,
    merge_cells,
    new_document,
    plan_docx,
    table_plan,
)

import planparse
from planparse.errors import InputError, UnsupportedFormatError
from planparse.io.readers import clean_newlines, read_bytes, read_path, sniff_format
from planparse.io.readers.docx_numbering import format_number
from planparse.parse.charmap import simplify, simplify_char_map

TRAD_TXT = "2024年學校工會工作計劃\n一、指導思想\n以服務教職工為宗旨。\n二、月份工作安排\n十二月份：總結全年工作\n"

# What planparse rebuilds from plan_docx(): the plain-text plan with its month lines as table rows
PLAN_DOCX_TEXT = PLAN_TXT.rstrip("\n").replace("份：", "份 | ")


# ---- plain text and encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PLAN_TXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + PLAN_TXT.encode("utf-8"), "utf-8-sig"),
        (PLAN_TXT.encode("gb18030"), "gb18030"),
        (PLAN_TXT.encode("gbk"), "gb18030"),
        (PLAN_TXT.encode("utf-16"), "utf-16-le"),  # Python writes a BOM, little-endian here
        (b"\xfe\xff" + PLAN_TXT.encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe" + PLAN_TXT.encode("utf-16-le"), "utf-16-le"),
        (PLAN_TXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: found from the NUL pattern
        (PLAN_TXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_detected(data: bytes, encoding: str) -> None:
    src = read_bytes(data, name="plan.txt")
    assert src.encoding == encoding
    assert src.text == PLAN_TXT
    assert src.format == "text"


def test_big5_detected_not_mistaken_for_gb18030() -> None:
    data = TRAD_TXT.encode("big5")
    data.decode("gb18030")  # the bytes are valid GB18030 too: detection must look at the characters
    src = read_bytes(data, name="trad.txt")
    assert (src.encoding, src.text) == ("big5", TRAD_TXT)


def test_gb18030_not_mistaken_for_big5() -> None:
    text = "二、月份工作安排\n一月份：开展学生活动，组织教师学习\n"
    data = text.encode("gb18030")
    data.decode("big5")  # also valid Big5
    assert read_bytes(data, name="a.txt").encoding == "gb18030"


def test_text_kept_as_is_except_bom_and_newlines() -> None:
    raw = "\ufeff  标题　\r\n一、指导思想：\r二、ＡＢＣ  \n\n"
    src = read_bytes(raw.encode("utf-8"), name="a.txt")
    assert src.text == "  标题　\n一、指导思想：\n二、ＡＢＣ  \n\n"
    assert clean_newlines(raw) == src.text


def test_forced_encoding(tmp_path: Path) -> None:
    p = tmp_path / "plan.txt"
    p.write_bytes(PLAN_TXT.encode("gb18030"))
    assert read_path(p, encoding="GBK").encoding == "gbk"
    with pytest.raises(InputError, match="unknown encoding"):
        read_path(p, encoding="no-such-codec")
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        read_path(p, encoding="utf-8")


def test_truncated_utf8_still_reads() -> None:
    data = PLAN_TXT.encode("utf-8")[:-2]  # cut inside the last character
    src = read_bytes(data, name="cut.txt")
    assert src.encoding == "utf-8"
    assert src.text.startswith("2024年学校工会工作计划") and src.text.endswith("\ufffd")


def test_sniffing_without_a_name() -> None:
    assert sniff_format(plan_docx()) == "docx"
    assert sniff_format(b"  <!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff_format(b"<HTML><body>x</body></HTML>") == "html"
    assert sniff_format(PLAN_TXT.encode()) == "text"
    assert read_bytes(plan_docx()).format == "docx"
    assert read_bytes(PLAN_TXT.encode("gb18030")).format == "text"


def test_unknown_fmt_and_mis_named_doc(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError):
        read_bytes(b"abc", fmt="pdf")
    p = tmp_path / "really_docx.doc"  # a .docx saved under the old extension still reads
    p.write_bytes(plan_docx())
    assert read_path(p).text == PLAN_DOCX_TEXT


# ---- docx --------------------------------------------------------------------------------------------------


def test_docx_rebuilds_word_numbering_and_table(tmp_path: Path) -> None:
    p = tmp_path / "plan.docx"
    p.write_bytes(plan_docx())
    src = read_path(p)
    assert src.format == "docx"
    assert src.text == PLAN_DOCX_TEXT


def test_docx_number_formats_counters_and_restarts() -> None:
    d = new_document()
    add_numbered(d, "甲", 21, 0)  # ①
    add_numbered(d, "乙", 21, 1)  # 甲、
    add_numbered(d, "丙", 21, 1)  # 乙、
    add_numbered(d, "条", 21, 2)  # 第十一条 (start 11, chineseCountingThousand)
    add_numbered(d, "条", 21, 2)  # 第十二条
    add_numbered(d, "法", 21, 3)  # isLgl: "1.1" in decimal although level 0 is circled
    add_numbered(d, "点", 21, 4)  # a bullet: no marker
    d.add_paragraph("中间一段没有编号")
    add_numbered(d, "丁", 21, 0)  # ② continues after an unnumbered paragraph
    add_numbered(d, "戊", 21, 1)  # 甲、 restarted under the new level-0 item
    add_numbered(d, "A", 22, 0)
    add_numbered(d, "B", 22, 0)
    add_numbered(d, "C", 23, 0)  # another instance with startOverride: starts again
    add_numbered(d, "无", 0, 0)  # numId 0 removes numbering
    lines = read_bytes(docx_bytes(d), name="f.docx").text.split("\n")
    assert lines == [
        "①甲", "甲、乙", "乙、丙", "第十一条条", "第十二条条", "1.1 法", "点", "中间一段没有编号",
        "②丁", "甲、戊", "1、A", "2、B", "1、C", "无",
    ]


def test_docx_style_numbering_and_table_cells() -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from plan_inputs import W_NS

    d = new_document()
    style = d.styles.add_style("PlanHeading", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:numId w:val="22"/></w:numPr>'))
    d.add_paragraph("指导思想", style="PlanHeading")
    d.add_paragraph("主要工作", style="PlanHeading")
    add_table(d, [["月份", "工作内容", "负责人"], ["九月", "", ""]])
    table = d.tables[0]
    cell = table.cell(1, 1)
    cell.text = "制定计划"
    cell.add_paragraph("召开教代会")
    merged = table.cell(0, 2).merge(table.cell(1, 2))
    merged.text = "工会"
    text = read_bytes(docx_bytes(d), name="s.docx").text
    assert text.split("\n") == ["1、指导思想", "2、主要工作", "月份 | 工作内容 | 工会", "九月 | 制定计划 召开教代会"]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
        (20, "chineseCounting", "二十"), (105, "chineseCountingThousand", "一百零五"),
        (1010, "chineseCountingThousand", "一千零一十"), (12, "chineseLegalSimplified", "壹拾贰"),
        (3, "ideographTraditional", "丙"), (11, "ideographTraditional", "11"), (20, "decimalEnclosedCircle", "⑳"),
        (4, "decimalEnclosedParen", "⑷"), (9, "upperRoman", "IX"), (28, "lowerLetter", "bb"),
        (7, "decimalFullWidth", "７"), (2, "ideographZodiac", "丑"), (5, "mysteryFormat", "5"), (5, "none", ""),
    ],
)
def test_format_number(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


# ---- html --------------------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html><html><head><meta charset="gbk"><title>标题栏</title>
<style>p { color: red }</style><script>var 计划 = 1;</script></head>
<body><header>网站首页 | 登录</header><nav><a href="/">导航</a></nav>
<h1>2024年学校工会工作计划</h1>
<p>&nbsp;&nbsp;一、指导思想</p><p>以服务教职工为宗旨，<b>凝心聚力</b>。</p>
<div>二、月份工作安排<br>二月份：讨论计划</div>
<table><tr><th>月份</th><th>内容</th></tr><tr><td>三月</td><td>庆祝<br>妇女节</td></tr></table>
<noscript>请启用脚本</noscript><footer>版权所有</footer></body></html>"""


def test_html_body_text_blocks_and_tables() -> None:
    src = read_bytes(HTML.encode("gbk"), name="plan.html")
    assert src.format == "html" and src.encoding == "gb18030"
    assert src.text.split("\n") == [
        "2024年学校工会工作计划", "一、指导思想", "以服务教职工为宗旨，凝心聚力。", "二、月份工作安排",
        "二月份：讨论计划", "月份 | 内容", "三月 | 庆祝 妇女节",
    ]


def test_html_without_meta_charset_detected() -> None:
    page = HTML.replace('<meta charset="gbk">', "")
    assert read_bytes(page.encode("gb18030"), name="p.htm").text.startswith("2024年学校工会工作计划\n一、指导思想")
    assert read_bytes(page.encode("utf-8")).format == "html"


# ---- traditional characters --------------------------------------------------------------------------------


def test_simplify_char_map_is_one_to_one_and_covers_cue_words() -> None:
    m = simplify_char_map()
    assert len(m) > 2000
    assert all(len(k) == 1 and len(v) == 1 and k != v for k, v in m.items())
    assert not any(v in m for v in m.values())  # applying it twice changes nothing more
    assert m["導"] == "导" and m["劃"] == "划" and m["後"] == "后"
    assert "乾" not in m and "著" not in m  # ordinary simplified characters too (乾隆, 著名)
    assert simplify_char_map() is m
    assert simplify("指導思想") == "指导思想"
    assert simplify(TRAD_TXT) == "2024年学校工会工作计划\n一、指导思想\n以服务教职工为宗旨。\n二、月份工作安排\n十二月份：总结全年工作\n"


# ---- bad input ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    return bad_inputs(tmp_path_factory.mktemp("bad"))


BAD_KEYS = [
    "empty", "image_as_txt", "control_bytes", "truncated_docx", "garbage_docx", "encrypted_docx", "old_doc",
    "pdf", "unknown_ext", "undecodable", "zip_bomb", "ratio_bomb", "lying_zip", "entity_docx", "directory",
    "missing",
]


@pytest.mark.parametrize("key", BAD_KEYS)
def test_bad_input_raises_planparse_error(bad: dict[str, tuple[Path, str]], key: str) -> None:
    path, word = bad[key]
    with pytest.raises(InputError) as info:
        planparse.parse_file(path)
    assert str(path) in str(info.value) and word in str(info.value)
    assert info.value.path == str(path)


def test_unsupported_kinds_use_their_own_class(bad: dict[str, tuple[Path, str]]) -> None:
    for key in ("old_doc", "pdf", "unknown_ext"):
        with pytest.raises(UnsupportedFormatError):
            read_path(bad[key][0])
    with pytest.raises(UnsupportedFormatError, match=r"\.txt.*\.docx.*\.html"):
        read_path(bad["unknown_ext"][0])


def test_size_limit_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(60 * 2**20)  # sparse: 60 MB without writing them

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("read a file that is above the limit")

    monkeypatch.setattr("builtins.open", no_open)
    with pytest.raises(InputError, match="50 MB limit"):
        read_path(big)
    monkeypatch.undo()
    small = tmp_path / "small.txt"
    small.write_text(PLAN_TXT, encoding="utf-8")
    with pytest.raises(InputError, match="limit"):
        read_path(small, max_bytes=100)
    with pytest.raises(InputError, match="limit"):
        planparse.parse_bytes(PLAN_TXT.encode(), max_bytes=100)


def test_docx_renamed_txt_says_so(tmp_path: Path) -> None:
    p = tmp_path / "plan.txt"
    p.write_bytes(plan_docx())
    with pytest.raises(InputError, match=r"zip archive.*\.docx extension"):
        read_path(p)


def test_whitespace_only_and_bom_only_are_empty() -> None:
    for data in (b"\xef\xbb\xbf", b" \r\n\t\n", "　\n".encode()):
        with pytest.raises(InputError, match="no text"):
            read_bytes(data, name="blank.txt")


def test_readers_import_is_light() -> None:
    code = (
        "import sys, planparse.io.readers, planparse.parse.charmap; "
        "print(sorted(m for m in ('docx', 'bs4', 'charset_normalizer', 'lxml', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# ---- end to end (needs the parser) -------------------------------------------------------------------------


def test_docx_with_word_numbering_parses_like_the_text(tmp_path: Path) -> None:
    txt = tmp_path / "plan.txt"
    txt.write_text(PLAN_TXT, encoding="gb18030")
    dx = tmp_path / "plan.docx"
    dx.write_bytes(plan_docx())
    a, b = planparse.parse_file(txt), planparse.parse_file(dx)
    assert (a.encoding, a.format, b.format) == ("gb18030", "text", "docx")
    assert a.text == PLAN_TXT and b.text == PLAN_DOCX_TEXT
    pa, pb = a.plans[0], b.plans[0]
    assert [(s.kind, s.heading) for s in pa.sections] == [(s.kind, s.heading) for s in pb.sections]
    assert [s.heading for s in pa.sections][:1] == ["一、指导思想"]
    assert [(e.months, e.activity) for e in pa.schedule] == [(e.months, e.activity) for e in pb.schedule]
    assert [(e.months, e.activity) for e in pb.schedule] == [
        ([2], "讨论制定工会工作计划"), ([3], "庆祝三八妇女节"), ([4], "举办教职工趣味运动会"),
    ]


# ---- the real sample plans (skipped when ../shared/seeds is absent) ----------------------------------------

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def _seed_texts() -> list[tuple[str, str]]:
    if not SEEDS.is_dir():
        pytest.skip("no ../shared/seeds")
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip("no seed plans")
    return [(f.name, read_path(f).text) for f in files]


def test_seed_plans_survive_every_encoding() -> None:
    for name, text in _seed_texts():
        for enc in ("gb18030", "utf-16-le", "utf-16-be", "utf-8-sig"):
            got = read_bytes(text.encode(enc), name=name)
            assert (got.encoding, got.text == text) == (enc, True), (name, enc)
        for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
            assert read_bytes(bom + text.encode(enc), name=name).text == text


def test_seed_plans_round_trip_through_docx() -> None:
    for name, text in _seed_texts():
        d = new_document()
        for line in text.split("\n"):
            d.add_paragraph(line)
        assert read_bytes(docx_bytes(d), name=name + ".docx").text == text, name


# ---- merged cells: a month spanning several rows ---------------------------------------------------------

MERGED_ROWS = [
    ["月份", "活动内容", "负责人", "备注"],
    ["九月", "新生入学教育", "教务处", "一年级"],
    ["", "教师节表彰", "工会", ""],
    ["", "社团招新", "", ""],
    ["十月", "秋季运动会", "体育组", ""],
]
MERGED_ENTRIES = [
    ([9], "新生入学教育", "教务处"), ([9], "教师节表彰", "工会"), ([9], "社团招新", None), ([10], "秋季运动会", "体育组"),
]


def _entries(doc: planparse.Document) -> list[tuple[list[int], str, str | None]]:
    return [(e.months, e.activity, e.responsible) for e in doc.plans[0].schedule]


def test_docx_month_cell_merged_down_keeps_the_rows_columns() -> None:
    d = table_plan("2025年学校德育工作计划", "月份工作安排", MERGED_ROWS)
    merge_cells(d.tables[0], (1, 0), (3, 0))  # vMerge restart / continue / continue
    src = read_bytes(docx_bytes(d), name="m.docx")
    assert " | 教师节表彰 | 工会" in src.text  # the merged cell's rows keep an empty first cell
    assert _entries(planparse.parse_bytes(docx_bytes(d), source="m.docx", tag=False)) == MERGED_ENTRIES


def test_html_rowspan_month_keeps_the_rows_columns() -> None:
    page = (
        "<html><body><p>2025年学校德育工作计划</p><p><strong>一、月份工作安排</strong></p><table>"
        "<tr><th>月份</th><th>活动内容</th><th>负责人</th><th>备注</th></tr>"
        '<tr><td rowspan="3">九月</td><td>新生入学教育</td><td>教务处</td><td>一年级</td></tr>'
        "<tr><td>教师节表彰</td><td>工会</td><td></td></tr>"
        "<tr><td>社团招新</td><td>&nbsp;</td><td></td></tr>"
        '<tr><td>十月</td><td colspan="2" rowspan="x">秋季运动会</td></tr>'
        "<tr><td>十月</td><td>秋季运动会</td><td>体育组</td></tr>"
        "</table></body></html>"
    )
    src = read_bytes(page.encode("utf-8"), name="m.html")
    assert src.text.split("\n")[4:7] == ["| 教师节表彰 | 工会", "| 社团招新", "十月 | 秋季运动会"]
    page = page.replace('<tr><td>十月</td><td colspan="2" rowspan="x">秋季运动会</td></tr>', "")
    assert _entries(planparse.parse_bytes(page.encode("utf-8"), source="m.html", tag=False)) == MERGED_ENTRIES


def test_html_cell_of_numbered_activities_on_br_lines_gives_an_entry_each() -> None:
    page = (
        "<html><body><p>2026年学校德育工作计划</p><p><strong>一、德育活动安排</strong></p><table>"
        "<tr><td>月份</td><td>活动主题</td><td>主要活动</td></tr>"
        "<tr><td>二月</td><td>安全教育月</td><td>1.开学安全第一课<br>2.寒假作业展评</td></tr>"
        "<tr><td>三月</td><td>文明礼仪月</td><td>学雷锋志愿服务</td></tr>"
        "</table></body></html>"
    )
    doc = planparse.parse_bytes(page.encode("utf-8"), source="br.html", tag=False)
    assert [(e.months, e.activity) for e in doc.plans[0].schedule] == [
        ([2], "开学安全第一课"), ([2], "寒假作业展评"), ([3], "学雷锋志愿服务")]


def test_html_form_wrapping_the_page_and_article_header_are_read() -> None:
    # ASP.NET pages hold the whole body in one <form>; a CMS template puts the article's <h1> in its
    # own <header>. The page's header, navigation and footer, and a comment box's text area, are dropped.
    page = (
        '<html><body><form id="form1" method="post" action="show.aspx?id=7">'
        "<header>校园网 首页</header><nav>工作计划 工作总结</nav>"
        "<main><article><header><h1>2025年小学德育工作计划</h1></header>"
        "<p>一、月份工作安排</p><p>三月：学雷锋志愿服务活动</p><p>四月：清明节缅怀革命先烈</p><footer>标签：德育</footer></article></main>"
        "<div>网友评论<textarea>请输入评论内容</textarea></div><footer>版权所有</footer></form></body></html>"
    )
    src = read_bytes(page.encode("utf-8"), name="show.html")
    assert src.text.split("\n") == [
        "2025年小学德育工作计划", "一、月份工作安排", "三月：学雷锋志愿服务活动", "四月：清明节缅怀革命先烈", "标签：德育", "网友评论",
    ]
    doc = planparse.parse_bytes(page.encode("utf-8"), source="show.html", tag=False)
    assert doc.plans[0].title == "2025年小学德育工作计划"
    assert _entries(doc) == [([3], "学雷锋志愿服务活动", None), ([4], "清明节缅怀革命先烈", None)]


def _text_box_run(text: str):  # a run holding a text box, as Word 2010+ writes it (drawing, then VML fallback)
    from docx.oxml import parse_xml
    from plan_inputs import W_NS

    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return parse_xml(
        f'<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing>'
        f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_docx_text_box_is_read_once_after_its_anchor() -> None:
    d = new_document()
    d.add_paragraph()._p.append(_text_box_run("青山路小学2025年工会工作计划"))
    add_numbered(d, "指导思想", 20, 0)
    d.add_paragraph("以服务教职工为宗旨，团结带领全体教职工为学校发展贡献力量。")
    p = d.add_paragraph("正文")
    p._p.append(_text_box_run("青山路小学工会"))
    text = read_bytes(docx_bytes(d), name="box.docx").text
    assert text.split("\n") == [
        "", "青山路小学2025年工会工作计划", "一、指导思想", "以服务教职工为宗旨，团结带领全体教职工为学校发展贡献力量。", "正文", "青山路小学工会",
    ]
    assert planparse.parse_bytes(docx_bytes(d), source="box.docx", tag=False).plans[0].title == "青山路小学2025年工会工作计划"


def _page_field(paragraph, before: str, after: str) -> None:  # 第 {PAGE} 页: Word's PAGE field, no result cached
    from docx.oxml import parse_xml
    from plan_inputs import W_NS

    paragraph.text = before
    for xml in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                '<w:fldChar w:fldCharType="separate"/>', '<w:fldChar w:fldCharType="end"/>'):
        paragraph._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}">{xml}</w:r>'))
    paragraph.add_run(after)


def _hf_plan(header: str | None = None, footer: str | None = None, *, page_field: bool = False) -> bytes:
    d = new_document()
    if header is not None:
        d.sections[0].header.paragraphs[0].text = header
    if page_field:
        _page_field(d.sections[0].footer.paragraphs[0], "第 ", " 页")
    elif footer is not None:
        d.sections[0].footer.paragraphs[0].text = footer
    d.add_paragraph("青山路小学2025年德育工作计划")
    add_numbered(d, "指导思想", 20, 0)
    d.add_paragraph("以立德树人为根本任务，落实德育工作的各项要求。")
    add_numbered(d, "月份工作安排", 20, 0)
    d.add_paragraph("三月：学雷锋志愿服务活动")
    d.add_paragraph("四月：清明节缅怀革命先烈")
    return docx_bytes(d)


def _only_furniture(doc: planparse.Document, line: str) -> None:
    """Every character of ``line`` (a header's or footer's, after the body) is furniture, in no plan."""
    from planparse.check import problems

    start = doc.text.rindex(line)
    assert not problems(doc)
    for i in range(start, start + len(line)):
        if not doc.text[i].isspace():
            assert any(a <= i < b for a, b in doc.furniture), (line, doc.text[i])
            assert not any(a <= i < b for p in doc.plans for a, b in [p.span]), (line, doc.text[i])


@pytest.mark.parametrize(("header", "footer", "page_field", "footer_text"), [
    ("青山路小学德育处", "第 1 页", False, "第 1 页"),
    ("青山路小学2025年德育工作计划", "第1页 共3页", False, "第1页 共3页"),  # a header repeating the title
    ("青山路小学德育处", None, True, "第  页"),  # a PAGE field: no digits
])
def test_docx_header_and_footer_text_is_not_dropped(header: str, footer: str | None, page_field: bool, footer_text: str) -> None:
    data = _hf_plan(header, footer, page_field=page_field)
    src = read_bytes(data, name="hf.docx")
    plain = read_bytes(_hf_plan(), name="plain.docx")
    # after the body: the body's text is as it was, with the header's and the footer's lines after it
    assert src.text == f"{plain.text}\n{header}\n{footer_text}"
    assert src.furniture == ((len(plain.text) + 1, len(src.text)),)
    doc = planparse.parse_bytes(data, source="hf.docx", tag=False)
    base = planparse.parse_bytes(_hf_plan(), source="plain.docx", tag=False)
    for line in (header, footer_text):
        _only_furniture(doc, line)
    assert len(doc.plans) == 1
    assert (doc.plans[0].title, doc.plans[0].title_span, doc.plans[0].span) == (base.plans[0].title, base.plans[0].title_span, base.plans[0].span)
    assert [s.model_dump() for s in doc.plans[0].sections] == [s.model_dump() for s in base.plans[0].sections]
    assert [e.model_dump() for e in doc.plans[0].schedule] == [e.model_dump() for e in base.plans[0].schedule]
    assert _entries(doc) == [([3], "学雷锋志愿服务活动", None), ([4], "清明节缅怀革命先烈", None)]


def test_docx_header_linked_to_the_previous_section_is_read_once() -> None:
    d = new_document()
    d.sections[0].header.paragraphs[0].text = "青山路小学德育处"
    d.add_paragraph("青山路小学2025年德育工作计划")
    d.add_section()  # a landscape page for the schedule, say: its header is linked to the first's
    d.add_paragraph("三月：学雷锋志愿服务活动")
    assert d.sections[1].header.is_linked_to_previous
    text = read_bytes(docx_bytes(d), name="linked.docx").text
    assert text.split("\n") == ["青山路小学2025年德育工作计划", "", "三月：学雷锋志愿服务活动", "青山路小学德育处"]


def test_docx_sections_with_their_own_headers_and_first_page_header() -> None:
    d = new_document()
    d.add_paragraph("青山路小学2025年德育工作计划")
    add_numbered(d, "指导思想", 20, 0)
    d.add_paragraph("以立德树人为根本任务，落实德育工作的各项要求。")
    d.add_section()
    add_numbered(d, "月份工作安排", 20, 0)
    d.add_paragraph("三月：学雷锋志愿服务活动")
    first, second = d.sections
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "青山路小学"
    first.header.paragraphs[0].text = "德育工作计划"
    first.footer.paragraphs[0].text = "第 1 页"
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "附：月份工作安排"  # a heading's words: furniture all the same
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "三月"
    data = docx_bytes(d)
    lines = read_bytes(data, name="two.docx").text.split("\n")
    # each section's headers (first page's, then the others'), then its footers, in section order
    assert lines[-5:] == ["青山路小学", "德育工作计划", "第 1 页", "附：月份工作安排", "三月"]
    doc = planparse.parse_bytes(data, source="two.docx", tag=False)
    for line in lines[-5:]:
        _only_furniture(doc, line)
    assert doc.plans[0].title == "青山路小学2025年德育工作计划"
    assert [s.heading for s in doc.plans[0].sections] == ["一、指导思想", "二、月份工作安排"]
    assert _entries(doc) == [([3], "学雷锋志愿服务活动", None)]


def test_html_menu_category_is_not_the_title() -> None:
    page = (
        '<html><body><div class="menu"><ul><li><a href="/">首页</a></li><li><a href="/jh/">工作计划</a></li>'
        '<li><a href="/zj/">工作总结</a></li></ul></div><div class="content"><h1>2025年幼儿园春季工作计划</h1>'
        "<p>一、指导思想</p><p>以《3-6岁儿童学习与发展指南》为指导，坚持保教并重，促进幼儿全面和谐发展。</p></div></body></html>"
    )
    doc = planparse.parse_bytes(page.encode("utf-8"), source="menu.html", tag=False)
    assert doc.plans[0].title == "2025年幼儿园春季工作计划"


def test_html_ordered_list_items_get_the_numbers_the_browser_shows() -> None:
    # <ol> items carry no "1." in their text: a browser draws it. Nested lists without a type of
    # their own are told apart as the outline's levels (readers.toml [html.lists]).
    page = (
        "<html><body><h1>2025年社区妇联工作计划</h1><h2>一、指导思想</h2>"
        "<p>坚持以妇女需求为导向，围绕社区中心工作，团结带领辖区妇女建功立业。</p><h2>二、主要工作</h2>"
        "<ol><li>加强妇联组织建设<ol><li>完善执委分工制度。</li><li><p>每季度召开一次执委会议。</p></li></ol></li>"
        "<li>开展家庭文明建设</li><li></li><li value='5'>维护妇女儿童合法权益</li></ol>"
        "<h2>三、活动安排</h2><ul><li>三月：<ol><li>“三八”妇女节座谈会</li><li>1、女性健康知识讲座</li></ol></li>"
        "<li>五月：母亲节感恩活动</li></ul>"
        '<ol start="6" type="a"><li>甲</li></ol><ol style="list-style-type: cjk-ideographic"><li>乙</li></ol>'
        '<ol style="list-style: none"><li>丙</li></ol></body></html>'
    )
    lines = read_bytes(page.encode("utf-8"), name="ol.html").text.split("\n")
    assert lines[4:] == [
        "1.加强妇联组织建设", "(1)完善执委分工制度。", "(2)每季度召开一次执委会议。", "2.开展家庭文明建设", "5.维护妇女儿童合法权益",
        "三、活动安排", "三月：", "1.“三八”妇女节座谈会", "1、女性健康知识讲座", "五月：母亲节感恩活动", "f.甲", "一、乙", "丙",
    ]
    # an empty item is counted (3), as a browser counts it; the parser wants the items in sequence
    plan = page.replace("<li></li><li value='5'>", "<li>").replace("<ol start", "<!--").replace("</ol></body>", "--></body>")
    doc = planparse.parse_bytes(plan.encode("utf-8"), source="ol.html", tag=False)
    work = next(s for s in doc.plans[0].sections if s.kind == "main_work")
    assert [(i.number, i.text, [(c.number, c.text) for c in i.children]) for i in work.items] == [
        (1, "加强妇联组织建设", [(1, "完善执委分工制度。"), (2, "每季度召开一次执委会议。")]),
        (2, "开展家庭文明建设", []), (3, "维护妇女儿童合法权益", [])]
    assert _entries(doc) == [([3], "“三八”妇女节座谈会", None), ([3], "女性健康知识讲座", None), ([5], "母亲节感恩活动", None)]


def test_html_lines_of_links_only_are_site_furniture() -> None:
    # a school site's article page: the menu, a sidebar list of other articles (one of them a bare
    # plan title, 班主任工作计划), then the article, whose own title is a link to itself
    page = (
        '<html><body><div class="top">红旗路小学<div class="menu"><a href="/">网站首页</a> | <a href="/dy/">德育之窗</a></div></div>'
        '<div class="side"><h3>热门排行</h3><ol><li><a href="/1.html">2024年秋季德育工作总结</a></li>'
        '<li><a href="/2.html">班主任工作计划</a></li></ol></div>'
        '<div class="main"><h1><a href="/3.html">2025年春季学期学校德育工作计划</a></h1>'
        "<p>一、指导思想</p><p>以立德树人为根本任务，以养成教育为重点，提高德育工作的实效性。</p>"
        "<p>二、月份安排</p><p>三月：学雷锋志愿服务月活动</p><p>四月：清明节祭扫烈士墓</p>"
        '<p>相关链接：<a href="/4.html">2025年春季教学工作计划</a></p></div>'
        '<table><tr><td><a href="/a">联系我们</a></td><td><a href="/b">网站地图</a></td></tr></table></body></html>'
    )
    src = read_bytes(page.encode("utf-8"), name="school.html")
    navigation = [src.text[a:b] for a, b in src.furniture]
    assert navigation == ["网站首页 | 德育之窗", "1.2024年秋季德育工作总结", "2.班主任工作计划", "联系我们 | 网站地图"]
    doc = planparse.parse_bytes(page.encode("utf-8"), source="school.html", tag=False)
    assert [p.title for p in doc.plans] == ["2025年春季学期学校德育工作计划"]
    assert [s.heading for s in doc.plans[0].sections] == ["一、指导思想", "二、月份安排"]
    assert _entries(doc) == [([3], "学雷锋志愿服务月活动", None), ([4], "清明节祭扫烈士墓", None)]


SPANNED_ROWS = [["时间", "周次", "工作内容", "负责人"], ["九月", "", "新生入学教育及军训", "年级主任"],
                ["十月", "", "期中考试及质量分析", "教务处"], ["十一月", "", "家长会", "班主任"]]
SPANNED_ENTRIES = [([9], "新生入学教育及军训", "年级主任"), ([10], "期中考试及质量分析", "教务处"), ([11], "家长会", "班主任")]


def test_docx_cell_spanning_columns_keeps_the_cells_after_it_under_their_header() -> None:
    # the month written across 时间 and 周次 (gridSpan 2): the activity is the third column's cell
    d = table_plan("2025年秋季学期初一年级组工作计划", "工作安排", SPANNED_ROWS)
    table = d.tables[0]
    for r in range(1, len(SPANNED_ROWS)):
        merge_cells(table, (r, 0), (r, 1))
    assert "<w:gridSpan" in table._tbl.xml
    assert read_bytes(docx_bytes(d), name="span.docx").text.split("\n")[3] == "九月 |  | 新生入学教育及军训 | 年级主任"
    assert _entries(planparse.parse_bytes(docx_bytes(d), source="span.docx", tag=False)) == SPANNED_ENTRIES


def test_html_cell_spanning_columns_keeps_the_cells_after_it_under_their_header() -> None:
    rows = "".join(f'<tr><td colspan="2">{r[0]}</td><td>{r[2]}</td><td>{r[3]}</td></tr>' for r in SPANNED_ROWS[1:])
    page = (
        "<html><body><p>2025年秋季学期初一年级组工作计划</p><p>一、工作安排</p><table>"
        "<tr><th>时间</th><th>周次</th><th>工作内容</th><th>负责人</th></tr>" + rows
        + '<tr><td rowspan="2" colspan="2">十二月</td><td>元旦文艺汇演</td><td>团委</td></tr><tr><td>期末复习动员</td></tr>'
        + "</table></body></html>"
    )
    lines = read_bytes(page.encode("utf-8"), name="span.html").text.split("\n")
    assert lines[3:] == ["九月 |  | 新生入学教育及军训 | 年级主任", "十月 |  | 期中考试及质量分析 | 教务处", "十一月 |  | 家长会 | 班主任",
                         "十二月 |  | 元旦文艺汇演 | 团委", "|  | 期末复习动员"]
    assert _entries(planparse.parse_bytes(page.encode("utf-8"), source="span.html", tag=False)) == [
        *SPANNED_ENTRIES, ([12], "元旦文艺汇演", "团委"), ([12], "期末复习动员", None)]
