"""Stage tests for the character-level artefacts of pasted copies (corpus 233–238).

Word's list bullets and numbering rebuilt as text, soft returns and line separators, a PDF
reader's lookalike dashes and colons, JSON-escaped scrapes, letter-spaced titles and a PDF's
running headers: each fold or rule on its own, on texts written for these tests.
"""

from __future__ import annotations

import pytest

import planparse
from planparse.check import problems
from planparse.parse.normalise import find_letter_spacing, literal_breaks, normalise, scrub_html
from planparse.parse.numerals import cjk_years_to_digits


def working(s: str) -> str:
    return normalise(s).text


def entries(text: str) -> list[tuple[list[int], str]]:
    doc = planparse.parse_text(text, tag=False)
    assert problems(doc) == []
    return [(e.months, e.activity) for p in doc.plans for e in p.schedule]


PLAN = "XX计划\n一、主要工作\n1、开展活动\n二、活动安排\n{}\n"


# ---------------------------------------------------------------- bullets and list tabs


@pytest.mark.parametrize("bullet", ["➢", "✓", "√", "◎", "❖", "►", "\uf06c", "\uf0b7", "\uf0d8", "\uf0fc", "\uf075"])
def test_a_bullet_glyph_reads_as_a_bullet(bullet: str) -> None:
    assert working(f"{bullet} 三月：植树") == "· 三月:植树"
    assert entries(PLAN.format(f"三月：\n{bullet} 召开教代会\n{bullet} 植树活动")) == [([3], "召开教代会"), ([3], "植树活动")]


@pytest.mark.parametrize("letter", ["l", "Ø", "§", "ü", "n"])
def test_a_symbol_fonts_bullet_pasted_as_a_letter_is_a_bullet_only_where_it_opens_a_line(letter: str) -> None:
    assert working(f"{letter}  加强制度建设") == "·  加强制度建设"
    assert working(f"{letter}\t加强制度建设").startswith("·")
    # inside a line, or before no words, it stays what it is
    assert working(f"规划{letter} 加强") == f"规划{letter} 加强"
    assert working(f"{letter}ab 加强") == f"{letter}ab 加强"


# (一、 before a month is no test: 一、三月 names January and March, as 七、八月 does)
@pytest.mark.parametrize("opener", ["1.", "（1）", "①", "（一）", "1、", "第一，", "●", "◆", "\uf06c"])
def test_a_tab_after_the_lines_opening_marker_is_no_cell_bar(opener: str) -> None:
    assert "|" not in working(f"{opener}\t三月：召开教代会")
    assert entries(PLAN.format(f"{opener}\t三月：召开教代会")) == [([3], "召开教代会")]


def test_tabs_of_a_table_row_stay_cell_bars() -> None:
    # a row with a running number: more than one tab, and a bare number is no list marker
    assert working("1.\t三月\t召开教代会\t工会") == "1.|三月|召开教代会|工会"
    assert working("1\t三月") == "1|三月"
    assert working("三月\t召开教代会") == "三月|召开教代会"


# ---------------------------------------------------------------- line breaks and spaces


@pytest.mark.parametrize("brk", ["\x0b", "\u2028", "\u2029", "\x85"])
def test_soft_returns_and_line_separators_end_a_line(brk: str) -> None:
    text = f"XX幼儿园工作计划\n一、指导思想{brk}以指南为指导。\n二、月份安排\n三月{brk}召开家长会{brk}植树节活动\n"
    assert working(text).count("\n") == text.count("\n") + text.count(brk)
    assert entries(text) == [([3], "召开家长会"), ([3], "植树节活动")]


def test_a_form_feed_is_a_space() -> None:
    assert working("工作。\x0c二、主要工作") == "工作。 二、主要工作"


# ---------------------------------------------------------------- dashes, colons, years


@pytest.mark.parametrize("dash", ["—", "─", "―", "ー", "〜", "⁓", "~", "一"])
def test_a_month_range_with_a_lookalike_dash(dash: str) -> None:
    assert entries(PLAN.format(f"3{dash}4月：开展读书月活动")) == [([3, 4], "开展读书月活动")]


def test_the_numeral_one_is_a_dash_only_between_digits() -> None:
    assert working("3一4月") == "3—4月"
    assert working("2025一2026学年") == "2025—2026学年"
    assert working("三一四月，第一周") == "三一四月,第一周"


@pytest.mark.parametrize("colon", ["∶", "︰", "﹕", "："])
def test_a_lookalike_colon_closes_a_month_label(colon: str) -> None:
    assert entries(PLAN.format(f"五月{colon}组织“检验技能操作”比武")) == [([5], "组织“检验技能操作”比武")]


@pytest.mark.parametrize("zero", ["〇", "○", "0", "O", "零"])
def test_a_chinese_year_with_any_round_zero(zero: str) -> None:
    assert cjk_years_to_digits(f"二{zero}二五年") == "2025年"
    doc = planparse.parse_text(f"二{zero}二五年XX中学团委工作计划\n一、指导思想\n服务青年。\n二、主要工作\n1、开展活动\n", tag=False)
    assert doc.plans[0].year == 2025


# ---------------------------------------------------------------- scraped text


def test_escaped_line_breaks_of_a_scraped_string_are_line_breaks() -> None:
    text = r"XX社区工作计划\n一、主要工作\n1、开展活动\r\n二、活动安排\n三月：植树\t活动"
    out = literal_breaks(text)
    assert len(out) == len(text)
    assert out.split("\n")[1].strip() == "一、主要工作"
    assert "\\" not in out
    assert entries(text) == [([3], "植树\\t活动")]


def test_a_lone_backslash_n_stays_text() -> None:
    text = r"资料存放在D:\new目录下"
    assert literal_breaks(text) == text


def test_numeric_entities_and_nbsp_without_its_semicolon() -> None:
    out = scrub_html("三月&#65306;植树&nbsp&nbsp活动&#12288;&#10;")
    assert out.startswith("三月：")
    assert "&" not in out and len(out) == len("三月&#65306;植树&nbsp&nbsp活动&#12288;&#10;")
    assert "\n" in out
    assert scrub_html("&nbspx&amp;") == "&nbspx&    "  # a longer word is no entity


# ---------------------------------------------------------------- letter spacing


def test_a_letter_spaced_title_reads_whole() -> None:
    doc = planparse.parse_text("  2 0 2 5 年 X X 社 区 工 作 计 划\n一、指 导 思 想\n服务居民。\n二、主要工作\n1、开展活动\n",
                               tag=False)
    plan = doc.plans[0]
    assert (plan.title, plan.year) == ("2025年XX社区工作计划", 2025)
    assert plan.sections[0].heading == "一、指 导 思 想"  # a heading is its text as written
    assert problems(doc) == []


@pytest.mark.parametrize("line", ["三月 四月 五月 六月", "德 智", "本学期 我们 将 开展 活动", "1 2 3 4 5", "第 1 页"])
def test_lines_that_are_not_letter_spaced(line: str) -> None:
    assert find_letter_spacing(line) == []


# ---------------------------------------------------------------- a PDF's running header and wraps


HEADED = (
    "城南中学教研组工作计划\n"
    "城南中学教研组2025年春季学期工作计划\n"
    "一、主要工作\n"
    "（一）落实集体备课。\n"
    "- 1 -\n"
    "城南中学教研组工作计划\n"
    "（二）加强课堂研究。\n"
)


def test_a_shortened_running_header_is_a_page_header_and_yields_to_the_title() -> None:
    doc = planparse.parse_text(HEADED, tag=False)
    assert [p.title for p in doc.plans] == ["城南中学教研组2025年春季学期工作计划"]
    items = [i.text for s in doc.plans[0].sections for i in s.walk_items()]
    assert items == ["落实集体备课。", "加强课堂研究。"]


def test_a_new_plan_under_a_shorter_title_is_still_a_plan() -> None:
    text = HEADED.replace("（二）加强课堂研究。", "一、指导思想\n以课标为依据。\n二、主要工作\n1、开展活动")
    assert len(planparse.parse_text(text, tag=False).plans) == 2


def test_a_wrapped_lines_comma_is_no_lost_number() -> None:
    body = "（一）落实集体备课制度。各备课组每周固定时间开展集体备课，做到定时间"
    rest = ["、定地点、定内容、定中心发言人。", "（二）加强课堂教学研究。以学为中心的课堂为抓手，开展青年教师汇报课",
            "、骨干教师示范课活动，每位教师每学期至少上一节公开课，并写好反思。"]
    fill = ["（三）做好培优补差工作。各年级建立学困生档案，利用课后服务时间进行个", "别辅导，每周不少于两次，做好辅导记录。",
            "（四）开展课题研究。以市级课题为龙头，组织教师围绕作业设计开展研究，", "每学期形成一批案例。"]
    doc = planparse.parse_text("XX教研组工作计划\n一、主要工作\n" + "\n".join([body, *rest, *fill]) + "\n", tag=False)
    items = [(i.marker, i.level) for s in doc.plans[0].sections for i in s.walk_items()]
    assert items == [("（一）", 1), ("（二）", 1), ("（三）", 1), ("（四）", 1)]


@pytest.mark.parametrize(("line", "folded"), [("l、加强制度建设", "1、加强制度建设"), ("(l)开展读书", "(1)开展读书"),
                                              ("  l．召开会议", "  1.召开会议")])
def test_the_letter_l_for_the_digit_1_in_a_lines_opening_marker(line: str, folded: str) -> None:
    assert working(line) == folded


@pytest.mark.parametrize("line", ["hell、你好", "learn、学习", "I、指导思想", "模型l、参数"])
def test_the_letter_l_elsewhere_stays_a_letter(line: str) -> None:
    assert working(line) == line
