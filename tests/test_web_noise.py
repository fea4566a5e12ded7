"""Stage tests for the noise of scraped pages around and inside a plan's words (corpus 288–294): a
site's address stamped into the text as a watermark, ad lines between paragraphs, a page's tags,
disclaimers and toolbars.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

import planparse
from planparse.parse.normalise import find_line_numbers, find_line_stamps, find_url_watermarks
from planparse.parse.structure import parse_structure

GUIDING = "以新时代中国特色社会主义思想为指导，按照上级部署要求，结合本单位实际，扎实做好本年度各项工作。"


def furniture_texts(doc: planparse.Document) -> list[str]:
    return [doc.text[a:b].strip() for a, b in doc.furniture]


def pairs(doc: planparse.Document) -> list[tuple[list[int], str]]:
    return [(list(e.months), e.activity.rstrip("。；")) for p in doc.plans for e in p.schedule]


# ---------------------------------------------------------------- an address stamped as a watermark


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("做好汛期值班。www.qxfw.com\n", ["www.qxfw.com"]),
        ("做好汛期值班。 http://www.qxfw.com/a/12.html 3月：巡检。\n", [" http://www.qxfw.com/a/12.html "]),
        ("做好汛期值班。”www.qxfw.cn\n", ["www.qxfw.cn"]),
        # a copy glued into the words is the watermark too, once one stands behind a sentence's end
        ("开展www.qxfw.com专题服务。\n做好值班。www.qxfw.com\n", ["www.qxfw.com", "www.qxfw.com"]),
    ],
)
def test_an_address_behind_a_sentence_s_end_is_a_watermark(text: str, cut: list[str]) -> None:
    assert [text[a:b] for a, b in find_url_watermarks(text)] == cut


@pytest.mark.parametrize(
    "text",
    [
        "登录www.cma.gov.cn下载业务规范。\n",  # a sentence names the address
        "学校网站：www.nlzx.cn\n",  # a field's value
        "www.qxfw.com\n",  # alone on its line: line furniture
        "开展www.qxfw.com专题服务。\n",  # glued, but never behind a sentence's end
    ],
)
def test_an_address_the_plan_names_is_no_watermark(text: str) -> None:
    assert find_url_watermarks(text) == []


def test_a_paragraph_ending_in_a_watermark_keeps_its_section_and_items_their_words() -> None:
    text = (f"2025年县气象局工作计划\n{GUIDING}www.qxfw.com\n一、主要工作\n（一）提升预警能力。www.qxfw.com\n"
            "二、月度安排\n2月：防雷检查。www.qxfw.com 3月：科普开放日。\n")
    doc = planparse.parse_text(text)
    plan = doc.plans[0]
    assert [s.kind.value for s in plan.sections] == ["guiding_ideology", "main_work", "schedule"]
    assert plan.sections[1].items[0].text == "提升预警能力。"
    assert pairs(doc) == [([2], "防雷检查"), ([3], "科普开放日")]
    assert furniture_texts(doc).count("www.qxfw.com") == 3


# ---------------------------------------------------------------- ad, tag and footer lines


@pytest.mark.parametrize(
    "text",
    [
        "【推荐】2025年气象局工作总结范文", "[热文]班主任工作计划精选", "打开APP阅读更多精彩内容", "APP内打开",
        "本文标签：气象局 工作计划", "本文关键词：幼儿园 保健", "免责声明：本站内容来源于网络，不代表本站立场。",
        "本网页内容旨在传播知识，若有侵权等问题请及时与本网联系，我们将在第一时间删除处理。",
        "献花(0) 转藏 全屏 打印 分享", "转发 12 喜欢 3", "赞同 36 添加评论 分享 喜欢 收藏 申请转载", "赞同 1.2万 分享",
        "平台声明：该文观点仅代表作者本人。", "本文转载自微信公众号「红星村便民服务」", "[图片]", "图片来源：网络",
        "网站首页 | 关于我们 | 新闻中心 | 联系我们", "技术支持：某某网络科技有限公司", "Powered by XCMS",
        "地址：市中山路88号  邮编：310000", "原文链接：https://www.qxfw.com/a/12.html", "XX范文网 www.xxfw.com",
        "（图片来源于网络，侵删）", "视频加载中...", "广告", "—— 广告 ——", "微信号：hxc-bianmin", "相关专题：农家书屋 全民阅读", "编辑于 2025-02-12 09:41・IP 属地江苏", "发布于 昨天 18:20", "IP 属地浙江",
    ],
)
def test_ad_tag_and_footer_lines_are_furniture(text: str) -> None:
    lines = list(parse_structure(text).lines)
    assert len(lines) == 1 and lines[0].furniture, text


@pytest.mark.parametrize(
    "text",
    [
        "推荐优秀志愿者参加区级评选。",
        "开展知识产权宣传，如发现侵权行为及时报告。",
        "转发上级文件，分享学习心得。",
        "喜欢阅读的孩子越来越多。",
        "感谢全体志愿者的辛勤付出。",
        "赞同并支持居民议事会的决定",
        "开展广告法宣传进社区活动。",
        "课程介绍和报名入口，请登录青少年宫官网www.qsng-px.cn",
        "图书馆图片展",
        "组织村民拍摄视频短片，展示村容村貌。",
    ],
)
def test_plan_lines_like_ad_lines_are_no_furniture(text: str) -> None:
    assert not any(ln.furniture for ln in parse_structure(text).lines), text


def test_footer_lines_after_the_month_list_are_no_entries() -> None:
    text = (f"2025年县气象局工作计划\n一、指导思想\n{GUIDING}\n二、月度安排\n11月：森林防火服务。\n12月：年度总结。\n"
            "本文标签：气象局 工作计划\n若有侵权请联系删除\n献花(0) 转藏 全屏 打印 分享\n")
    assert pairs(planparse.parse_text(text)) == [([11], "森林防火服务"), ([12], "年度总结")]


# ---------------------------------------------------------------- a page's second part saved alone


def test_a_text_opening_mid_sentence_keeps_the_numbered_items_that_end_its_list() -> None:
    text = ("的晨检，做到一摸、二看、三问、四查，发现问题及时处理并做好记录。\n3、严格执行消毒制度。\n4、做好传染病预防工作。\n"
            "（二）膳食营养管理\n1、每周制定带量食谱。\n2、每月进行一次膳食营养分析。\n")
    doc = planparse.parse_text(text)
    (section,) = doc.plans[0].sections
    assert section.kind.value == "main_work" and section.heading is None
    levels = [(it.marker, it.level) for it in section.items]
    assert levels == [("3、", 0), ("4、", 0), ("（二）", 0)]
    assert [(it.marker, it.level) for it in section.items[2].children] == [("1、", 1), ("2、", 1)]


def test_a_sentence_opening_the_text_whole_numbers_its_list_from_one() -> None:
    # a long first line that opens as a sentence does: a stray 3、 under it is no item
    text = f"{GUIDING}\n3、严格执行消毒制度。\n二、主要工作\n1、做好晨检。\n"
    doc = planparse.parse_text(text)
    assert [it.marker for s in doc.plans[0].sections for it in s.items] == ["1、"]


# ---------------------------------------------------------------- a viewer's line numbers


VIEWER = f"1\t县残联2025年工作计划\n2\t一、指导思想\n3\t{GUIDING}\n4\t\n5\t二、工作任务\n6\t1、更新残疾人基本信息。\n7\t2、落实两项补贴。\n" \
         "8\t三、月份安排\n9\t3月：残疾人证换证。\n10\t5月：全国助残日活动。\n"


def test_a_viewer_s_line_numbers_are_cut_and_listed_as_furniture() -> None:
    assert len(find_line_numbers(VIEWER)) == 10
    doc = planparse.parse_text(VIEWER)
    plan = doc.plans[0]
    assert plan.title == "县残联2025年工作计划"
    assert [(s.kind.value, s.heading) for s in plan.sections] == [
        ("guiding_ideology", "一、指导思想"), ("main_work", "二、工作任务"), ("schedule", "三、月份安排")]
    assert pairs(doc) == [([3], "残疾人证换证"), ([5], "全国助残日活动")]
    assert "10" in furniture_texts(doc)
    assert doc.unassigned == []


@pytest.mark.parametrize(
    "text",
    [
        # a list numbered 1 2 3 without marks of its own: its numbers are the items'
        "".join(f"{n} 开展第{n}项专题活动。\n" for n in range(1, 9)),
        # numbers that do not run one more each line (a table's 序号 with a gap, months)
        "1 一、指导思想\n2 二、主要工作\n4 1、加强管理\n5 2、开展活动\n7 三、安排\n8 3月：春游\n",
    ],
)
def test_numbers_that_are_no_viewer_s_are_kept(text: str) -> None:
    assert find_line_numbers(text) == []


def test_words_a_filter_replaced_by_asterisks_stay_as_written() -> None:
    text = (f"社区老年大学2025年工作计划\n一、指导思想\n{GUIDING}\n二、主要工作\n1、展示***成果。\n2、每月**次送教。\n"
            "赞同 36 添加评论 分享\n三、教学安排\n5月：书画展。\n")
    doc = planparse.parse_text(text)
    assert [it.text for it in doc.plans[0].sections[1].items] == ["展示***成果。", "每月**次送教。"]
    assert pairs(doc) == [([5], "书画展")]


def test_a_transcript_s_time_stamps_are_cut() -> None:
    text = "".join(f"[00:00:{n:02d}] {line}\n" for n, line in enumerate(
        ["县残联2025年工作计划", "一、指导思想", GUIDING, "二、工作任务", "1、更新残疾人基本信息。", "三、月份安排", "3月：残疾人证换证。"]))
    assert len(find_line_stamps(text)) == 7
    doc = planparse.parse_text(text)
    assert doc.plans[0].title == "县残联2025年工作计划"
    assert pairs(doc) == [([3], "残疾人证换证")]


@pytest.mark.parametrize(
    "text",
    [
        # a kindergarten's day: its times are its words
        "7:30 入园晨检\n8:00 早操\n8:30 集体活动\n9:30 区域活动\n10:30 户外活动\n11:30 午餐\n12:00 午睡\n",
        # stamps going back in time are no transcript's
        "".join(f"[00:0{9 - n}:00] {n}、开展活动。\n" for n in range(1, 8)),
    ],
)
def test_times_that_are_no_transcript_s_are_kept(text: str) -> None:
    assert find_line_stamps(text) == []


@pytest.mark.parametrize("between", ["", "\n", "\n\n"])
def test_blank_lines_keep_a_run_of_line_numbers_and_a_line_without_one_ends_it(between: str) -> None:
    numbered = [f"{k} {k}、开展第{k}项活动。" for k in range(1, 7)]
    kept = (between + "\n").join(numbered)
    assert len(find_line_numbers(kept)) == 6
    broken = "\n".join(numbered[:3]) + "\n本学期工作如下。\n" + "\n".join(numbered[3:])
    assert find_line_numbers(broken) == []
