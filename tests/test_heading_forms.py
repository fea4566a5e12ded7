"""Stage tests for heading and part forms from web editors and Word templates (corpus files 251–257):
Markdown marks, 《》 headings, a year after the title.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

import planparse
from planparse.parse.normalise import find_markup, normalise


def kinds(text: str) -> list[tuple[str, str | None]]:
    doc = planparse.parse_text(text)
    return [(getattr(s.kind, "value", s.kind), s.heading) for p in doc.plans for s in p.sections]


@pytest.mark.parametrize(
    ("line", "cut"),
    [
        ("## 一、指导思想", ["## "]),
        ("### 四、月份安排 ###", ["### ", " ###"]),
        ("**一、指导思想**", ["**", "**"]),
        ("1. 召开会议，进行__原因分析__。", ["__", "__"]),
        # no pair in the line, a hashtag, a multiplication: no markup
        ("得分**", []),
        ("#安全生产月#", []),
        ("2**3", []),
    ],
)
def test_markdown_marks_are_found(line: str, cut: list[str]) -> None:
    assert [line[a:b] for a, b in find_markup(line)] == cut


def test_markdown_marks_are_cut_from_the_working_text_only() -> None:
    src = "## 二、工作目标\n**（一）加强培训**\n"
    wt = normalise(src)
    assert wt.text == "二、工作目标\n(一)加强培训\n"  # (full-width brackets folded)
    doc = planparse.parse_text("城南医院2025年工作计划\n\n" + src + "1.每月学习一次。\n")
    assert doc.text.endswith(src + "1.每月学习一次。\n")  # the original keeps them
    section = doc.plans[0].sections[0]
    assert section.heading == "二、工作目标"
    assert doc.text[section.span[0] :].startswith("二、工作目标")  # a section starts at its marker


def test_markdown_bold_headings_and_title() -> None:
    text = "**城北小学2025年教研工作计划**\n\n**一、指导思想**\n\n以课程改革为抓手，提高教学质量。\n\n" \
        "**二、主要工作**\n\n1. 开展集体备课。\n2. 组织公开课。\n"
    doc = planparse.parse_text(text)
    assert doc.plans[0].title == "城北小学2025年教研工作计划"
    assert kinds(text) == [("guiding_ideology", "一、指导思想"), ("main_work", "二、主要工作")]


def test_headings_in_book_title_marks_take_their_cue() -> None:
    text = "城东社区2025年工作计划\n\n《指导思想》\n以服务居民为宗旨，推进社区治理。\n\n《工作目标》\n居民满意度达到95%。\n\n" \
        "《主要工作》\n1.开展志愿服务。\n2.做好困难帮扶。\n"
    assert kinds(text) == [("guiding_ideology", "《指导思想》"), ("goals", "《工作目标》"), ("main_work", "《主要工作》")]


@pytest.mark.parametrize(
    ("title", "year"),
    # (a school year names no calendar year: GUIDE)
    [("城关小学工会工作计划2025年", 2025), ("城关镇卫生院工作计划 2025年度", 2025), ("城关中学德育工作要点2025—2026学年度", None),
     ("城关幼儿园保育工作计划 2025年春季", 2025), ("城关小学教导处工作计划2025-2026学年第一学期", None)],
)
def test_a_year_after_the_title_stays_in_it(title: str, year: int | None) -> None:
    doc = planparse.parse_text(title + "\n\n一、指导思想\n以立德树人为根本。\n\n二、主要工作\n1.开展主题教育。\n")
    assert (doc.plans[0].title, doc.plans[0].year) == (title, year)


def test_noun_ordinal_parts_open_an_untitled_main_work_run() -> None:
    text = "城西物业公司2025年工作计划\n\n专题一：提升服务质量\n1.开展业主满意度调查。\n\n专题二：加强安全管理\n" \
        "1.每月开展消防检查。\n"
    doc = planparse.parse_text(text)
    (section,) = doc.plans[0].sections
    assert (getattr(section.kind, "value", section.kind), section.heading) == ("main_work", None)
    assert [(i.level, i.number, i.text) for i in section.walk_items()][:2] == [(0, 1, "提升服务质量"), (1, 1, "开展业主满意度调查。")]


def test_latin_roman_parts_number_their_items() -> None:
    text = "城南街道2025年工作计划\n\nI、指导思想\n以人民为中心。\n\nII、主要工作\n（一）加强党建\n1.开展学习。\n\n" \
        "IV、保障措施\n1.加强领导。\n2.强化考核。\n"
    doc = planparse.parse_text(text)
    secs = doc.plans[0].sections
    assert [getattr(s.kind, "value", s.kind) for s in secs] == ["guiding_ideology", "main_work", "measures"]
    assert [(i.level, i.number) for i in secs[2].walk_items()] == [(1, 1), (1, 2)]


def test_markdown_marks_in_full_width_letters_are_cut_too() -> None:
    assert normalise("＊＊一、指导思想＊＊\n＃＃ 二、工作目标\n").text == "一、指导思想\n二、工作目标\n"


@pytest.mark.parametrize(
    ("line", "folded"),
    [
        ("【一、加强制度建设】", " 一、加强制度建设 "),
        ("《二、主要任务》", " 二、主要任务 "),
        # the heading's words alone in brackets, a marker and its words after the brackets, a bracket
        # inside: left as they are
        ("【指导思想】", "【指导思想】"),
        ("【一】加强制度建设", "【一】加强制度建设"),
        ("【一、加强】【管理】", "【一、加强】【管理】"),
    ],
)
def test_brackets_around_a_numbered_heading_are_blanked(line: str, folded: str) -> None:
    assert normalise(line).text == folded


def test_a_numbered_heading_in_brackets_is_a_numbered_item() -> None:
    text = "城北物流公司2025年行政部工作计划\n\n【一、加强制度建设】\n1.修订考勤办法。\n\n【二、做好后勤保障】\n1.做好食堂管理。\n"
    doc = planparse.parse_text(text)
    (section,) = doc.plans[0].sections
    assert doc.text[section.span[0] :].startswith("一、加强制度建设】")  # at its marker, as a heading without brackets
    assert [(i.level, i.number, i.text) for i in section.walk_items()] == [
        (0, 1, "加强制度建设"), (1, 1, "修订考勤办法。"), (0, 2, "做好后勤保障"), (1, 1, "做好食堂管理。")]


def test_an_ordinal_with_a_part_noun_is_a_part_marker() -> None:
    text = "县水利局2025年防汛工作计划\n\n第一板块：汛前准备\n1.开展汛前安全检查。\n\n第二板块：汛期值守\n1.严格执行值班制度。\n"
    items = list(planparse.parse_text(text).plans[0].sections[0].walk_items())
    assert [(i.level, i.number) for i in items] == [(0, 1), (1, 1), (0, 2), (1, 1)]


@pytest.mark.parametrize("bullet", ["- ", "*   ", "· "])
def test_a_bullet_before_a_month_label_stays_on_its_line(bullet: str) -> None:
    # cut off as a line of its own, the bullet stood between the heading and its month list, and
    # 二、工作安排 took no schedule kind
    text = "城南街道2025年平安建设工作计划\n\n一、指导思想\n以人民为中心。\n\n二、工作安排\n\n" + "".join(
        f"{bullet}{m}月：{a}。\n" for m, a in ((3, "召开推进会"), (6, "开展禁毒宣传"), (11, "开展消防宣传月活动")))
    doc = planparse.parse_text(text)
    assert kinds(text) == [("guiding_ideology", "一、指导思想"), ("schedule", "二、工作安排")]
    assert [(e.months, e.activity) for e in doc.plans[0].schedule] == [
        ([3], "召开推进会"), ([6], "开展禁毒宣传"), ([11], "开展消防宣传月活动")]


@pytest.mark.parametrize("title", ["【城关幼儿园2025年春季保育工作计划】", "★城关幼儿园2025年春季保育工作计划★", "[城关幼儿园2025年春季保育工作计划]"])
def test_a_title_set_off_in_brackets_or_ornaments_is_the_words_inside(title: str) -> None:
    doc = planparse.parse_text(title + "\n\n一、指导思想\n坚持保教结合。\n\n二、主要工作\n1.做好晨检。\n")
    assert (doc.plans[0].title, doc.plans[0].year) == ("城关幼儿园2025年春季保育工作计划", 2025)


def test_a_bracketed_numeral_alone_above_a_title_numbers_the_pages_plans() -> None:
    text = "【一】\n城东小学2025年德育工作计划\n\n一、指导思想\n以立德树人为根本任务。\n\n二、主要工作\n1.开展主题班会。\n\n" \
        "【二】\n城西小学2025年德育工作计划\n\n一、指导思想\n坚持育人为本。\n\n二、主要工作\n1.开展礼仪教育。\n"
    doc = planparse.parse_text(text)
    assert [p.title for p in doc.plans] == ["城东小学2025年德育工作计划", "城西小学2025年德育工作计划"]
    assert [i.text for i in doc.plans[0].sections[1].walk_items()] == ["开展主题班会。"]


@pytest.mark.parametrize(
    ("title", "year"),
    # a note after a dash stays in the title as a bracketed one does; a bare year after the ending is the plan's
    [("城关消防大队2026年防火工作计划——2026年", 2026), ("城关消防大队防火工作方案——征求意见稿", None),
     ("城西税务分局纳税服务工作计划2025", 2025), ("城西税务分局纳税服务工作计划—修订稿", None)],
)
def test_a_dash_note_or_a_bare_year_after_the_title_stays_in_it(title: str, year: int | None) -> None:
    doc = planparse.parse_text(title + "\n\n一、指导思想\n以立德树人为根本。\n\n二、主要工作\n1.开展主题教育。\n")
    assert (doc.plans[0].title, doc.plans[0].year) == (title, year)


def test_a_spaced_dash_before_a_site_name_is_no_note() -> None:
    doc = planparse.parse_text("城西税务分局纳税服务工作计划 - 税务之窗\n\n一、指导思想\n以纳税人为中心。\n\n二、主要工作\n1.优化服务。\n")
    assert doc.plans[0].title == "城西税务分局纳税服务工作计划"


@pytest.mark.parametrize("title", ["<县妇幼保健院2026年健康教育工作计划>", "‹县妇幼保健院2026年健康教育工作计划›",
                                   "«县妇幼保健院2026年健康教育工作计划»"])
def test_a_title_in_ascii_angle_brackets_or_guillemets_is_the_words_inside(title: str) -> None:
    doc = planparse.parse_text(title + "\n\n一、指导思想\n坚持预防为主。\n\n二、主要工作\n1.开展健康讲座。\n")
    assert (doc.plans[0].title, doc.plans[0].year) == ("县妇幼保健院2026年健康教育工作计划", 2026)


@pytest.mark.parametrize("title", ["东阳市青少年宫工作要点", "城关消防大队工作要点", "共青团平阳县委工作要点", "县职业中专工作要点",
                                   "县老年大学工作要点"])
def test_a_unit_named_before_a_cued_ending_titles_the_plan(title: str) -> None:
    # the subject vocabulary lacks these units; their names end as a unit's does
    doc = planparse.parse_text(title + "\n\n一、指导思想\n坚持公益属性。\n\n二、主要工作\n1.开展公益培训。\n")
    assert doc.plans[0].title == title
    assert kinds(title + "\n\n一、指导思想\n坚持公益属性。\n\n二、主要工作\n1.开展公益培训。\n")[0] == ("guiding_ideology", "一、指导思想")


def test_a_period_before_a_cued_ending_names_no_unit() -> None:
    # 本学期工作要点 inside a plan is a heading: 本学期 ends as no unit's name does
    doc = planparse.parse_text("城关小学2026年工作计划\n\n一、指导思想\n以立德树人为根本。\n\n本学期工作要点\n1.开展主题教育。\n")
    assert len(doc.plans) == 1


@pytest.mark.parametrize("title", ["——东阳市青少年宫2026年工作要点", "东阳市青少年宫2026年工作要点.docx", "东阳市青少年宫2026年工作要点——"])
def test_a_subtitles_dash_a_file_extension_and_a_bare_dash_are_no_part_of_the_title(title: str) -> None:
    doc = planparse.parse_text("凝心聚力 砥砺前行\n" + title + "\n\n一、指导思想\n坚持公益属性。\n\n二、主要工作\n1.开展公益培训。\n")
    assert (doc.plans[0].title, doc.plans[0].year) == ("东阳市青少年宫2026年工作要点", 2026)


@pytest.mark.parametrize("letterhead", ["东阳市青少年宫", "城关消防大队"])
def test_a_cued_title_under_a_letterhead_titles_the_plan(letterhead: str) -> None:
    # the unit's name alone above the title is a letterhead, no part of it (as 光明小学 / 德育工作计划)
    text = letterhead + "\n2026年工作要点\n\n一、指导思想\n坚持公益属性。\n\n二、主要工作\n1.开展公益培训。\n"
    doc = planparse.parse_text(text)
    assert (doc.plans[0].title, doc.plans[0].year) == ("2026年工作要点", 2026)
    assert kinds(text) == [("guiding_ideology", "一、指导思想"), ("main_work", "二、主要工作")]


def test_a_cued_heading_under_a_line_of_prose_is_no_title() -> None:
    text = "城关小学2026年工作计划\n\n本学期我校将继续深化课程改革。\n2026年工作要点\n1.开展主题教育。\n"
    assert planparse.parse_text(text).plans[0].title == "城关小学2026年工作计划"
