"""Stage tests for plans scraped from web pages as plain text (corpus 207–212): a page's table of
contents over its plans, paging and reading aids cutting into a plan, each article's title again
as its end mark, drawn rules between 范文, a 文库 document's card, a WeChat post's stamp, a forum
thread's replies, page titles carrying the site's add-ons.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

import planparse
from planparse.parse.structure import parse_structure

GUIDING = "以新时代教育思想为指导，按照上级部署要求，结合本单位实际，扎实做好本年度各项工作。"


def pairs(doc: planparse.Document) -> list[tuple[list[int], str]]:
    return [(list(e.months), e.activity.rstrip("。；")) for p in doc.plans for e in p.schedule]


def furniture_texts(doc: planparse.Document) -> list[str]:
    return [doc.text[a:b] for a, b in doc.furniture]


def titles(doc: planparse.Document) -> list[tuple[str | None, int | None]]:
    return [(p.title, p.year) for p in doc.plans]


def plan(title: str, months: str) -> str:
    return f"{title}\n一、指导思想\n{GUIDING}\n二、主要工作\n1、加强常规管理。\n2、开展专题活动。\n三、活动安排\n{months}"


# ---------------------------------------------------------------- furniture lines


@pytest.mark.parametrize(
    "text",
    [
        "1 2 3 4 下一页 尾页", "余下全文", "还剩2页未读，继续阅读", "继续阅读", "查看全部内容",
        "温馨提示：文档下载后可自由编辑，请根据本单位实际修改使用。", "扫码关注", "长按识别二维码关注我们",
        "下载积分：5", "文档格式：docx", "文档贡献者", "检验科 上传于2025-01-05", "Word文档免费下载",
        "原创 红领巾小编 阳光小学少先队 2025-02-18 10:30 发表于浙江", "本帖最后由 小李老师 于 2025-2-18 10:30 编辑",
        "楼主", "沙发", "2楼", "━━━━━━━━━━", "******", "- - - - -", "2025年社区工作计划范文_育才文库",
        "点击上方蓝字关注我们", "作者 | 王老师", "文章已于2025-02-19修改", "阅读已结束，下载本文需要使用1下载券",
        "全文共3页，当前为第1页", "< 上一页 下一页 >", "只看楼主", "喜欢此内容的人还喜欢",
    ],
)
def test_web_page_furniture_lines(text: str) -> None:
    lines = list(parse_structure(text).lines)
    assert len(lines) == 1 and lines[0].furniture, text


@pytest.mark.parametrize(
    "text",
    [
        "温馨提示：雨天路滑，请家长注意接送安全。",
        "扫码关注社区公众号，参与线上议事投票。",
        "组织居民扫码登记疫苗接种信息。",
        "继续阅读打卡活动",
        "通过张贴二维码，关注人数达到五百人",
        "原创作品征集评比",
    ],
)
def test_plan_lines_like_web_furniture_are_no_furniture(text: str) -> None:
    assert not any(ln.furniture for ln in parse_structure(text).lines), text


# ---------------------------------------------------------------- a table of contents


def test_a_table_of_contents_is_furniture_and_each_plan_below_is_a_plan() -> None:
    text = (
        "2025年班主任工作计划（精选2篇）\n本文目录一览：\n1、初一（2）班班主任工作计划\n2、高二（5）班班主任工作计划\n"
        + plan("初一（2）班班主任工作计划", "3月：学雷锋主题班会。\n4月：春游。\n")
        + plan("高二（5）班班主任工作计划", "5月：成人仪式。\n")
    )
    doc = planparse.parse_text(text)
    assert titles(doc) == [("初一（2）班班主任工作计划", None), ("高二（5）班班主任工作计划", None)]
    assert {"本文目录一览：", "1、初一（2）班班主任工作计划", "2、高二（5）班班主任工作计划"} <= set(furniture_texts(doc))
    assert [s.heading for s in doc.plans[0].sections][0] == "一、指导思想"  # no main_work of the listed titles
    assert pairs(doc) == [([3], "学雷锋主题班会"), ([4], "春游"), ([5], "成人仪式")]


def test_a_table_of_contents_in_its_heading_line_or_unnumbered_ends_at_the_first_plan() -> None:
    inline = "目录：1、A小学德育工作计划 2、B小学德育工作计划\n" + plan("A小学德育工作计划", "3月：入队仪式。\n")
    doc = planparse.parse_text(inline)
    assert titles(doc) == [("A小学德育工作计划", None)]
    listed = "【本文目录】\nA小学德育工作计划\nB小学德育工作计划\n" + plan("A小学德育工作计划", "3月：入队仪式。\n")
    doc = planparse.parse_text(listed)
    assert titles(doc) == [("A小学德育工作计划", None)]
    # the listed title is furniture, the plan's own title line under the list is not
    assert furniture_texts(doc).count("A小学德育工作计划") == 1 and "B小学德育工作计划" in furniture_texts(doc)


def test_a_table_of_contents_may_list_the_plans_separators() -> None:
    text = (
        "本文目录\n篇一：A中学教研组工作计划\n篇二：B中学教研组工作计划\n"
        + plan("篇一：A中学教研组工作计划", "3月：集体备课。\n") + plan("篇二：B中学教研组工作计划", "4月：公开课。\n")
    )
    doc = planparse.parse_text(text)
    assert [t for t, _ in titles(doc)] == ["篇一：A中学教研组工作计划", "篇二：B中学教研组工作计划"]
    assert not doc.unassigned  # the listed separators are furniture, no plans of their own
    assert furniture_texts(doc).count("篇一：A中学教研组工作计划") == 1


def test_a_contents_heading_over_a_plan_s_own_parts_takes_no_part() -> None:
    doc = planparse.parse_text("目录\n一、指导思想\n" + GUIDING + "\n二、活动安排\n3月：植树节活动。\n")
    assert [s.heading for p in doc.plans for s in p.sections] == ["一、指导思想", "二、活动安排"]
    assert "目录" in furniture_texts(doc)


# ---------------------------------------------------------------- the title again at a plan's end


def test_a_plan_s_title_again_at_its_end_is_its_end_mark() -> None:
    text = (
        plan("城东中学团委工作计划", "3月：学雷锋志愿服务。\n") + "城东中学团委工作计划\n"
        + plan("市医院团委工作计划", "5月：五四表彰大会。\n") + "市医院团委工作计划 完\n"
        + plan("恒达公司团委工作计划", "9月：青年创新成果展示。\n") + "恒达公司团委工作计划（完）\n上一篇：工会工作计划\n"
    )
    doc = planparse.parse_text(text)
    assert [t for t, _ in titles(doc)] == ["城东中学团委工作计划", "市医院团委工作计划", "恒达公司团委工作计划"]
    assert pairs(doc) == [([3], "学雷锋志愿服务"), ([5], "五四表彰大会"), ([9], "青年创新成果展示")]
    # the end marks stand after their plans' last content: text in no plan
    assert [doc.text[a:b] for a, b in doc.unassigned] == ["城东中学团委工作计划", "市医院团委工作计划 完", "恒达公司团委工作计划（完）"]
    assert all(p.span[1] <= doc.text.index("计划 完") or p.span[0] > doc.text.index("计划 完") for p in doc.plans)
    explained = planparse.explain_text(text)
    marks = [d for d in explained.decisions if d.rule == "title_again_at_plan_end"]
    assert [(d.what, d.plan) for d in marks] == [("furniture", 0), ("furniture", 1), ("furniture", 2)]


def test_the_same_title_over_a_plan_of_its_own_still_starts_a_plan() -> None:
    text = plan("学校工会工作计划", "3月：健步走。\n") + plan("学校工会工作计划", "4月：读书会。\n")
    doc = planparse.parse_text(text)
    assert [t for t, _ in titles(doc)] == ["学校工会工作计划", "学校工会工作计划"]


def test_a_drawn_rule_between_plans_is_no_entry() -> None:
    text = plan("A社区工作计划", "3月：邻里节。\n") + "******\n" + plan("B社区工作计划", "5月：纳凉晚会。\n") + "━━━━━━\n"
    doc = planparse.parse_text(text)
    assert pairs(doc) == [([3], "邻里节"), ([5], "纳凉晚会")]


# ---------------------------------------------------------------- page titles and posts


def test_a_page_title_with_site_add_ons_yields_to_the_article_s_title() -> None:
    for page in ("2025年社区工作计划-育才网", "[原创] 社区下半年工作计划（欢迎交流）"):
        doc = planparse.parse_text(page + "\n" + plan("2025年幸福社区工作计划", "7月：暑期安全教育。\n"))
        assert titles(doc) == [("2025年幸福社区工作计划", 2025)], page


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("2025年团委工作计划【通用5篇】", ("2025年团委工作计划", 2025)),
        ("2025年班主任工作计划（精选10篇）", ("2025年班主任工作计划", 2025)),
        ("班主任工作计划范文10篇", ("班主任工作计划范文", None)),
    ],
)
def test_a_page_title_s_count_is_no_part_of_the_plan_s_title(page: str, title: tuple[str, int | None]) -> None:
    doc = planparse.parse_text(page + "\n一、指导思想\n" + GUIDING + "\n二、活动安排\n5月：家长会。\n")
    assert titles(doc) == [title]


def test_a_separator_s_own_count_stays_its_title() -> None:
    text = plan("学校德育工作计划", "3月：文明礼仪月。\n") + "第二篇\n" + plan("", "4月：清明祭扫。\n").lstrip("\n")
    assert [t for t, _ in titles(planparse.parse_text(text))] == ["学校德育工作计划", "第二篇"]


def test_a_page_title_naming_a_fanwen_titles_a_plan_with_no_title_of_its_own() -> None:
    doc = planparse.parse_text("2025年社区工作计划范文_育才文库\n一、指导思想\n" + GUIDING + "\n二、活动安排\n3月：邻里节。\n")
    assert titles(doc) == [("2025年社区工作计划范文", 2025)]


def test_a_forum_reply_s_stamp_opens_a_comment_box() -> None:
    text = plan("中二班班务计划", "六月：庆六一亲子游园会。\n") + (
        "回复 引用\n沙发\n小王老师 发表于 2025-2-18 11:02\n谢谢分享，很实用！\n回复 引用\n"
        "2楼\n阳光妈妈 发表于 2025-2-19 08:15\n四月的春游可以改成亲子远足。\n回复\n"
    )
    doc = planparse.parse_text(text)
    assert pairs(doc) == [([6], "庆六一亲子游园会")]
    assert "四月的春游可以改成亲子远足。" in furniture_texts(doc)
