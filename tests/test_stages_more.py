"""More stage tests, for page patterns of corpus files 24–29.

HTML left in a .txt (scrub_html), web-page separators, titles, furniture and
signatures (line_facts), dated and dotted week rows (match_month_label) and the
head noun of a heading (find_cue). Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

import planparse
from planparse.parse.features import Line, find_cue, line_facts
from planparse.parse.lines import RawLine
from planparse.parse.month_labels import match_month_label
from planparse.parse.normalise import normalise, scrub_html
from planparse.parse.structure import parse_structure


def line_of(s: str) -> Line:
    """One line classified on its own, as the pipeline sees it (normalised working text)."""
    t = normalise(s).text
    return line_facts(RawLine(0, len(t)), t)


def label(s: str):
    return match_month_label(normalise(s).text)


# ---------------------------------------------------------------- scrub_html

PAGE = (
    "<div class=\"content\">\n"
    "<h3 class='title'>河西小学工会工作计划篇一</h3>\n"
    "<p>一、指导思想</p>\n"
    "<p>&nbsp;&nbsp;以&ldquo;暖心工会&rdquo;建设为抓手</p><p>二、主要工作</p>\n"
)


def test_scrub_html_keeps_length_and_every_offset_of_the_words() -> None:
    out = scrub_html(PAGE)
    assert len(out) == len(PAGE)
    for word in ("河西小学工会工作计划篇一", "一、指导思想", "暖心工会", "建设为抓手", "二、主要工作"):
        assert out[PAGE.index(word) : PAGE.index(word) + len(word)] == word


def test_scrub_html_block_tags_become_line_breaks() -> None:
    out = scrub_html(PAGE)
    for tag in ("<h3 class='title'>", "</h3>", "<p>", "</p><p>", '<div class="content">'):
        at = PAGE.index(tag)
        assert out[at] == "\n", tag
        assert "<" not in out[at : at + len(tag)] and ">" not in out[at : at + len(tag)], tag
    # the two paragraphs written on one source line are two lines after scrubbing
    lines = [ln.strip() for ln in out.split("\n") if ln.strip()]
    assert lines == ["河西小学工会工作计划篇一", "一、指导思想", "以“      暖心工会”      建设为抓手", "二、主要工作"]


def test_scrub_html_entities_nbsp_is_a_space_and_quotes_keep_their_place() -> None:
    s = "以下&nbsp;&nbsp;内容&ldquo;引号&rdquo;结束"
    out = scrub_html(s)
    nb = s.index("&nbsp;")
    assert out[nb : nb + 12] == " " * 12
    assert out[s.index("&ldquo;")] == "“"
    assert out[s.index("&rdquo;")] == "”"
    assert "&" not in out and ";" not in out


@pytest.mark.parametrize(
    "plain",
    [
        "一、指导思想\n以新时代中国特色社会主义思想为指导，办好让教职工满意的工会。",
        "成绩<60分的学生由任课教师利用课后时间辅导",  # a lone < is no tag
        "开展Q&A问答活动，R&D小组负责",  # a lone & is no entity
        "",
    ],
)
def test_scrub_html_leaves_text_without_tags_unchanged(plain: str) -> None:
    assert scrub_html(plain) == plain


def test_parse_text_section_starts_at_the_heading_after_its_p_tag() -> None:
    text = (
        "<p>一、指导思想</p>\n"
        "<p>&nbsp;&nbsp;坚持以教职工为本，把&ldquo;服务&rdquo;二字落到实处，切实维护教职工合法权益。</p>\n"
        "<p>二、主要工作目标：</p>\n"
        "<p>1.教职工入会率保持百分之百。</p>\n"
    )
    doc = planparse.parse_text(text)
    assert doc.text == text
    secs = [(getattr(s.kind, "value", s.kind), s.span[0]) for p in doc.plans for s in p.sections]
    assert secs == [("guiding_ideology", text.index("一、指导思想")), ("goals", text.index("二、主要工作目标"))]


# ---------------------------------------------------------------- line_facts: separators, titles


@pytest.mark.parametrize(
    "t",
    [
        "河西小学工会工作计划篇一",  # the text of <h3 class='title'>…篇一</h3>
        "2023年石桥小学工会工作计划 【篇1】",
        "石桥小学工会工作计划 【篇2】",
        "石桥小学工会工作计划【篇3】",
    ],
)
def test_title_with_its_pian_number_is_a_separator_and_a_title(t: str) -> None:
    ln = line_of(t)
    assert ln.separator and ln.title_like
    assert not ln.furniture and not ln.signature


@pytest.mark.parametrize(
    "t",
    [
        "2023年春季学期五年级（2）班班主任工作计划",  # （2）班 is no 篇 number
        "2022—2023学年第二学期四年级数学教学工作计划",
    ],
)
def test_plain_title_is_no_separator(t: str) -> None:
    ln = line_of(t)
    assert ln.title_like and not ln.separator


def test_a_calendar_of_the_term_titles_its_plan() -> None:
    # 行事历 ends a title as 计划 does; under a marker it stays a schedule heading, after a verb an activity
    assert line_of("2024年春季学期柳岸小学德育工作行事历").title_like
    assert not line_of("制定柳岸小学德育工作行事历").title_like
    text = "柳岸小学2024年德育工作行事历\n一、工作行事历\n三月：\n1、学雷锋志愿服务。\n四月：\n1、清明祭扫。\n"
    plan = planparse.parse_text(text, tag=False).plans[0]
    assert (plan.title, plan.year) == ("柳岸小学2024年德育工作行事历", 2024)
    assert [(s.kind.value, s.heading) for s in plan.sections] == [("schedule", "一、工作行事历")]


def test_activity_ending_in_plan_word_is_no_title() -> None:
    ln = line_of("讨论制定本学期工会工作计划")
    assert not ln.title_like and not ln.separator and not ln.furniture


@pytest.mark.parametrize("t", ["工作计划", "教学计划", "学校工作计划", "个人工作计划", "学期教学工作计划"])
def test_a_title_naming_no_ones_plan_is_bare(t: str) -> None:
    ln = line_of(t)
    assert ln.title_like and ln.title_bare


@pytest.mark.parametrize("t", ["工会工作计划", "2025年工作计划", "幼儿园春季工作计划", "东湖小学教学工作计划"])
def test_a_title_naming_whose_plan_it_is_is_not_bare(t: str) -> None:
    ln = line_of(t)
    assert ln.title_like and not ln.title_bare


_BODY = "一、指导思想\n以服务教职工为宗旨，团结带领全体教职工为学校发展贡献力量。\n二、主要工作\n1、健全组织。\n"


def test_a_short_title_alone_at_the_top_titles_its_plan() -> None:
    # a pasted Word text: the title names whose plan it is, and no other title follows it
    assert [p.title for p in planparse.parse_text("工会工作计划\n" + _BODY, tag=False).plans] == ["工会工作计划"]
    # a bare one too, where it is all the text has (no furniture around it, no fuller title after it)
    assert [p.title for p in planparse.parse_text("工作计划\n\n" + _BODY, tag=False).plans] == ["工作计划"]


def test_a_bare_title_yields_to_a_fuller_one_before_the_content() -> None:
    text = "工作计划\n东湖小学2025年春季工会工作计划\n" + _BODY
    plans = planparse.parse_text(text, tag=False).plans
    assert [(p.title, p.year) for p in plans] == [("东湖小学2025年春季工会工作计划", 2025)]
    # a title that names its plan keeps it: the line after it is a subtitle
    text = "东湖小学工会工作计划\n2025年春季工会工作计划\n" + _BODY
    assert [p.title for p in planparse.parse_text(text, tag=False).plans] == ["东湖小学工会工作计划"]


def test_a_bare_menu_word_between_breadcrumbs_titles_nothing() -> None:
    page = ('<html><body><ul class="crumb"><li><a href="/">首页</a></li><li><a href="/jh/">工作计划</a></li>'
            "<li>正文</li></ul><p>一、指导思想</p><p>以服务教职工为宗旨，团结带领全体教职工为学校发展贡献力量。</p>"
            "<p>二、主要工作</p><p>1、健全组织。</p></body></html>")
    doc = planparse.parse_bytes(page.encode("utf-8"), source="crumb.html", tag=False)
    assert doc.text.startswith("首页\n工作计划\n正文\n")
    assert [p.title for p in doc.plans] == [None]
    assert [s.heading for s in doc.plans[0].sections][:1] == ["一、指导思想"]
    # in a pasted text the same: 首页 is furniture, 正文 holds nothing
    assert [p.title for p in planparse.parse_text("首页\n工作计划\n正文\n" + _BODY, tag=False).plans] == [None]


# ---------------------------------------------------------------- line_facts: furniture, signatures


@pytest.mark.parametrize(
    "t",
    [
        "欢迎来到育才范文网!",
        "欢迎来到育才范文网！",
        "时间:2023-03-01 10:20:31 工作计划 我要投稿",
        "关键词:小学工会、工作计划、教职工之家",
        "有了计划，工作就有了方向。也许下面的“小学工会工作计划”正合你意!不妨参考一下。希望你喜欢!",
        "上一篇：中学安全工作计划",
        "（全文完）",
        "【完】",
        "导读：行政部是公司的综合管理部门，本文为大家整理了两篇工作计划。",
        "评论（3）",
        "网友留言：",
        "剩余内容已隐藏，您需要下载文档后查看全部内容（全文共5篇，约9800字）",
        "社区党建工作计划【精选2篇】",
    ],
)
def test_page_furniture(t: str) -> None:
    ln = line_of(t)
    assert ln.furniture
    assert not ln.separator and not ln.title_like


@pytest.mark.parametrize(
    "t",
    [
        "本学期，工会将以提高教职工幸福感为目标，团结带领全体教职工奋发进取。",
        "组织教职工参加“巾帼心向党”诵读活动",
    ],
)
def test_plan_prose_is_no_furniture(t: str) -> None:
    assert not line_of(t).furniture


@pytest.mark.parametrize("heading", ["【相关推荐】", "〖热门文章〗", "为您推荐", "[猜你喜欢]", "大家都在看："])
def test_a_link_lists_heading_in_brackets_or_not_makes_its_links_furniture(heading: str) -> None:
    text = (
        "城南中学语文教研组工作计划\n一、主要工作\n1、组织好每周一次的教研活动。\n二、活动安排\n"
        "3月：古诗文背诵比赛\n4月：期中质量分析\n"
        f"{heading}\n2026年五月份工作计划\n初中数学教研组工作计划\n"
    )
    doc = planparse.parse_text(text)
    furniture = {doc.text[a:b] for a, b in doc.furniture}
    assert {heading, "2026年五月份工作计划", "初中数学教研组工作计划"} <= furniture
    assert [(e.months, e.activity) for e in doc.plans[0].schedule] == [([3], "古诗文背诵比赛"), ([4], "期中质量分析")]


def test_a_link_list_above_the_article_ends_at_its_content_and_leaves_its_title() -> None:
    text = (
        "热门文章\n2026年三月份工作计划\n四月份工作计划\n五月份工作计划范文\n"
        "城南中学语文教研组工作计划\n发布时间：2026-03-05\n一、工作思路\n以课堂教学为主阵地，促进教师专业成长。\n"
        "二、工作要点\n1、每位教师每学期听课不少于20节。\n三、活动安排\n3月：古诗文背诵比赛\n4月：期中质量分析\n"
    )
    doc = planparse.parse_text(text)
    furniture = [doc.text[a:b] for a, b in doc.furniture]
    assert furniture == ["热门文章", "2026年三月份工作计划", "四月份工作计划", "五月份工作计划范文", "发布时间：2026-03-05"]
    assert [p.title for p in doc.plans] == ["城南中学语文教研组工作计划"]
    assert [s.heading for s in doc.plans[0].sections] == ["一、工作思路", "二、工作要点", "三、活动安排"]


def test_title_shaped_lines_ending_the_page_are_links_whose_heading_was_lost() -> None:
    text = (
        "城南中学语文教研组工作计划\n一、主要工作\n1、组织好每周一次的教研活动。\n二、活动安排\n"
        "5月：作文教学专题研讨\n6月：期末复习研讨，学期工作总结\n"
        "2026年七月份工作计划\n小学数学教研组工作计划\n八月份工作计划范文\n网友评论\n"
    )
    doc = planparse.parse_text(text)
    assert [(e.months, e.activity) for p in doc.plans for e in p.schedule] == [
        ([5], "作文教学专题研讨"), ([6], "期末复习研讨，学期工作总结")]
    assert {"2026年七月份工作计划", "小学数学教研组工作计划", "八月份工作计划范文"} <= {doc.text[a:b] for a, b in doc.furniture}
    # two such lines are not enough: a plan's own last lines may be title-shaped
    short = planparse.parse_text(text.replace("小学数学教研组工作计划\n", ""))
    assert "2026年七月份工作计划" not in {short.text[a:b] for a, b in short.furniture}


def test_a_comment_box_holds_readers_words_up_to_the_next_plan() -> None:
    text = (
        "城南中学语文教研组工作计划\n一、主要工作\n1、组织好每周一次的教研活动。\n二、活动安排\n"
        "5月：作文教学专题研讨\n6月：期末复习研讨\n评论（2）\n张老师 2026-03-06\n"
        "7月份能不能再安排一次教研？\n访客 2026-03-07\n写得很实用。\n"
        "城北中学数学教研组工作计划\n一、主要工作\n1、抓好集体备课，每周三下午第三节为集体备课时间。\n"
    )
    doc = planparse.parse_text(text)
    furniture = {doc.text[a:b] for a, b in doc.furniture}
    assert {"评论（2）", "张老师 2026-03-06", "7月份能不能再安排一次教研？", "写得很实用。"} <= furniture
    assert [p.title for p in doc.plans] == ["城南中学语文教研组工作计划", "城北中学数学教研组工作计划"]
    assert [e.months for p in doc.plans for e in p.schedule] == [[5], [6]]


@pytest.mark.parametrize("t", ["东湖小学工会", "二〇二三年二月", "2023年2月", "阳光中学德育处"])
def test_signature_lines(t: str) -> None:
    ln = line_of(t)
    assert ln.signature
    assert ln.month is None  # a bare 2023年2月 dates the plan: no month label


@pytest.mark.parametrize("t", ["东湖小学工会将继续做好慰问工作", "2023年2月：制定工会工作计划", "开学常规教育"])
def test_sentences_and_labelled_months_are_no_signature(t: str) -> None:
    assert not line_of(t).signature


# signers with no date under them: read as such only where the plan ends (features.signer_at_end)

_MONTHS_END = (
    "柳岸小学德育工作计划\n一、指导思想\n以立德树人为根本任务，坚持育人为本，深入推进养成教育。\n"
    "二、活动安排\n十一月：\n1、召开家长会。\n2、组织秋季远足。\n十二月：\n1、举行元旦文艺汇演。\n"
)


@pytest.mark.parametrize("signer", ["柳岸小学学生发展处", "五年级(3)班班主任：王海燕", "中二班　张老师　李老师"])
def test_undated_signer_at_the_end_is_no_entry(signer: str) -> None:
    doc = planparse.parse_text(_MONTHS_END + signer + "\n", tag=False)
    acts = [e.activity.rstrip("。") for e in doc.plans[0].schedule]
    assert acts == ["召开家长会", "组织秋季远足", "举行元旦文艺汇演"]
    lines = parse_structure(_MONTHS_END + signer + "\n\n下载文档\n").lines
    assert [ln.signature for ln in lines[-3:]] == [False, True, False]


def test_undated_signer_before_the_next_plans_separator() -> None:
    text = _MONTHS_END + "中二班 张老师 李老师\n篇二\n" + _MONTHS_END
    sigs = [ln.text for ln in parse_structure(text).lines if ln.signature]
    assert sigs == ["中二班 张老师 李老师"]


@pytest.mark.parametrize("last", ["组织小学生运动会", "召开柳岸小学家长会", "开展学校艺术节"])
def test_an_activity_ending_the_text_is_no_signer(last: str) -> None:
    doc = planparse.parse_text(_MONTHS_END.replace("1、举行元旦文艺汇演。\n", last + "\n"), tag=False)
    assert [e.activity for e in doc.plans[0].schedule][-1] == last


def test_a_role_line_inside_the_plan_is_no_signer() -> None:
    text = _MONTHS_END.replace("2、组织秋季远足。\n", "2、组织秋季远足。\n负责人：王海燕\n")
    assert not [ln.text for ln in parse_structure(text).lines if ln.signature]


# a month's activity ending in a unit's name (委员会, 工会, 中学, 馆) is no signature: it opens with a
# verb (plans.toml title_not_opening), or more of the plan follows it (features.signature_closes)

_UNIT_ACTIVITIES = (
    "2024年青松小学工会工作计划\n一、主要工作\n1、关心教职工生活，做好慰问工作。\n二、活动安排\n"
    "三月份：\n召开青松小学家长委员会\n成立学校工会\n四月份：\n新一届家长委员会\n选举女工委员会\n"
    "五月份：\n组织教职工春游\n参观市第一中学\n"
)


def test_unit_named_activities_in_a_month_list_are_entries() -> None:
    text = _UNIT_ACTIVITIES + "青松小学工会\n2024年2月\n"
    doc = planparse.parse_text(text, tag=False)
    got = [(e.months, e.activity) for e in doc.plans[0].schedule]
    assert got == [([3], "召开青松小学家长委员会"), ([3], "成立学校工会"), ([4], "新一届家长委员会"),
                   ([4], "选举女工委员会"), ([5], "组织教职工春游"), ([5], "参观市第一中学")]
    sigs = [ln.text for ln in parse_structure(text).lines if ln.signature]
    assert sigs == ["青松小学工会", "2024年2月"]


@pytest.mark.parametrize("t", ["召开青松小学家长委员会", "成立学校工会", "参观市第一中学"])
def test_a_line_opening_with_a_verb_is_no_signature(t: str) -> None:
    assert not line_of(t).signature


def test_a_verb_line_above_the_closing_date_is_no_signer() -> None:
    text = _UNIT_ACTIVITIES + "参观市科技馆\n2024年2月\n"
    acts = [e.activity for e in planparse.parse_text(text, tag=False).plans[0].schedule]
    assert acts[-1] == "参观市科技馆"


def test_a_signer_and_date_before_an_annex_still_sign() -> None:
    text = _UNIT_ACTIVITIES + "青松小学工会\n2024年2月\n附：暑期活动安排\n七月份：组织教职工疗休养\n"
    sigs = [ln.text for ln in parse_structure(text).lines if ln.signature]
    assert sigs == ["青松小学工会", "2024年2月"]


def test_a_signer_before_the_next_plans_restart_still_signs() -> None:
    # no date, no separator: the next plan opens by restarting at 一、指导思想
    one = _MONTHS_END.split("\n", 1)[1]
    text = one + "柳岸小学德育处\n" + one
    sigs = [ln.text for ln in parse_structure(text).lines if ln.signature]
    assert sigs == ["柳岸小学德育处"]
    doc = planparse.parse_text(text, tag=False)
    assert "柳岸小学德育处" not in [e.activity for p in doc.plans for e in p.schedule]


# a document viewer's page: its metadata, a summary (label, title, the text's start, cut), a button, the text

_GUIDING_FULL = "以学校发展规划为依据，以提高课堂效率为中心，扎实开展校本教研，促进教师专业成长，全面提高英语教学质量。"
_VIEWER_PAGE = (
    "云溪中学英语组工作计划\n贡献者：某老师　　日期：2023-09-01\n"
    "文档简介：云溪中学英语组工作计划 一、指导思想 " + _GUIDING_FULL[:44] + "\n全文阅读\n"
    "云溪中学英语组工作计划\n一、指导思想\n" + _GUIDING_FULL + "\n二、工作重点\n1、抓实集体备课，每周二下午集体研讨。\n"
    "2、开展听课评课活动，每位教师每学期上一节公开课。\n下载本文档　　收藏　　举报\n"
)


def test_viewer_summary_split_at_its_heading_is_furniture_before_its_full_text() -> None:
    lines = parse_structure(_VIEWER_PAGE).lines
    assert [ln.text[:6] for ln in lines if ln.preview] == ["文档简介:云", "一、指导思想", "全文阅读"]
    assert [ln.furniture for ln in lines[:6]] == [False, True, True, True, True, False]
    assert lines[-1].furniture
    doc = planparse.parse_text(_VIEWER_PAGE, tag=False)
    assert [(p.title, [s.heading for s in p.sections]) for p in doc.plans] == [
        ("云溪中学英语组工作计划", ["一、指导思想", "二、工作重点"])
    ]


@pytest.mark.parametrize("t", ["全文阅读", "下载本文档　　收藏　　举报", "分享 打印", "贡献者：某老师　日期：2023-09-01　浏览：52次"])
def test_viewer_buttons_and_metadata_are_furniture(t: str) -> None:
    assert line_of(t).furniture


# a copy hard-wrapped at a fixed width (a PDF's lines): features.hard_wrap, month_list run-on


def _wrapped(paragraphs: list[str], width: int) -> str:
    return "".join("\n".join(p[i : i + width] for i in range(0, len(p), width)) + "\n" for p in paragraphs)


_WRAPPED_PLAN = [
    "柳岸小学三年级班主任工作计划",
    "一、指导思想",
    "以立德树人为根本任务，坚持育人为本、德育为先，扎实开展养成教育，培养学生良好的学习和生活习惯。",
    "二、每月安排",
    "三月：开展学雷锋主题班会，组织学生到社区打扫卫生并慰问孤寡老人。",
    "四月：召开家长会，通报学生学习情况；组织春游和清明节诗歌朗诵活动。",
    "五月：开展劳动实践周，每位学生在家学做一道家常菜。",
]


def test_hard_wrapped_lines_are_found_by_the_documents_width() -> None:
    text = _wrapped(_WRAPPED_PLAN, 20)
    wrapped = [ln.text for ln in parse_structure(text).lines if ln.wrapped]
    assert wrapped and all(len(t) == 20 for t in wrapped)
    assert "三月:开展学雷锋主题班会,组织学生到社区" in wrapped
    # the same plan written one paragraph a line has no width of its own
    assert not [ln for ln in parse_structure(_wrapped(_WRAPPED_PLAN, 200)).lines if ln.wrapped]


def test_a_month_line_cut_at_the_copys_width_is_one_entry() -> None:
    doc = planparse.parse_text(_wrapped(_WRAPPED_PLAN, 20), tag=False)
    got = [(e.months, e.activity) for e in doc.plans[0].schedule]
    assert got == [
        ([3], "开展学雷锋主题班会，组织学生到社区打扫卫生并慰问孤寡老人"),
        ([4], "召开家长会，通报学生学习情况"),  # the run-on line's chunks after its first are entries
        ([4], "组织春游和清明节诗歌朗诵活动"),
        ([5], "开展劳动实践周，每位学生在家学做一道家常菜"),
    ]


def test_unwrapped_short_lines_under_a_month_stay_apart() -> None:
    text = _wrapped(_WRAPPED_PLAN[:4], 200) + "三月：\n组织学生到社区打扫卫生并慰问\n开展学雷锋主题班会\n"
    acts = [e.activity for e in planparse.parse_text(text, tag=False).plans[0].schedule]
    assert acts == ["组织学生到社区打扫卫生并慰问", "开展学雷锋主题班会"]


# ---------------------------------------------------------------- month labels: week rows, dated rows


@pytest.mark.parametrize(
    ("row", "months", "rest"),
    [
        ("1  2.20-2.24  第一单元 四则运算", [2], "第一单元 四则运算"),
        ("3  2.27-3.3  第二单元 观察物体", [2], "第二单元 观察物体"),  # the first date's month
        ("15  5.29-6.2  第八单元 平均数与条形统计图", [5], "第八单元 平均数与条形统计图"),
        ("2.20—2.24 开学准备", [2], "开学准备"),
    ],
)
def test_dotted_week_row_takes_its_first_dates_month(row: str, months: list[int], rest: str) -> None:
    lab = label(row)
    assert lab is not None
    assert lab.months == months
    assert lab.rest == rest


@pytest.mark.parametrize(
    ("row", "months", "rest"),
    [
        ("9月1日—9月5日 开学常规教育", [9], "开学常规教育"),
        ("9月10日：教师节感恩卡", [9], "教师节感恩卡"),
        ("9月28日—10月6日 国庆假期安全教育", [9], "国庆假期安全教育"),
        ("2月27日—3月3日 开展“新学期新目标”主题班会", [2], "开展“新学期新目标”主题班会"),
    ],
)
def test_dated_row_takes_its_first_dates_month(row: str, months: list[int], rest: str) -> None:
    lab = label(row)
    assert lab is not None
    assert lab.months == months
    assert lab.rest == rest


@pytest.mark.parametrize("t", ["2023年2月", "二〇二三年二月", "2023年2月16日", "3.5万元用于慰问困难教职工", "3月25日前完成提案办理"])
def test_signatures_amounts_and_deadlines_are_no_month_label(t: str) -> None:
    assert label(t) is None


# a single-character date follower (中, 前, 起, 底) makes a date only right after the month
# (months.toml date_followers_tight): after a space it opens the row's activity


@pytest.mark.parametrize(("t", "rest"), [("11月 中队干部培训", "中队干部培训"), ("3月 起草学期工作总结", "起草学期工作总结"),
                                         ("5月 前往敬老院慰问", "前往敬老院慰问"), ("12月 底稿整理归档", "底稿整理归档")])
def test_a_spaced_month_row_opening_with_a_follower_character_is_a_label(t: str, rest: str) -> None:
    lab = label(t)
    assert lab is not None and lab.rest == rest


@pytest.mark.parametrize("t", ["11月中队干部培训", "3月起实行新作息", "5月前上交总结", "3月 15日召开家长会"])
def test_a_month_with_its_follower_right_after_it_is_a_date(t: str) -> None:
    assert label(t) is None


def test_year_month_with_a_colon_is_a_label() -> None:
    lab = label("2023年2月：制定工会工作计划")
    assert lab is not None and lab.months == [2] and lab.rest == "制定工会工作计划"


def test_month_label_with_filler_words_leaves_no_activity() -> None:
    lab = label("九月份工作重点：")
    assert lab is not None and lab.months == [9]
    assert lab.rest == ""


def test_tight_numbering_after_a_month_label_is_no_theme() -> None:
    # (1) opens the first activity; a theme is an explicit 主题：… (GUIDE.md)
    lab = label("二月份：（1）走访慰问生病教职工（2）制定本学期工会计划")
    assert lab is not None and lab.months == [2]
    assert lab.theme is None


# ---------------------------------------------------------------- cues


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("主要工作目标", "goals"),  # head noun 目标 comes last
        ("教学目标", "goals"),
        ("学情分析", "situation"),
        ("教材分析", "situation"),
        ("教学措施", "measures"),
        ("教学进度安排", "schedule"),
        ("班级工作行事历", "schedule"),
    ],
)
def test_find_cue_kinds_of_teaching_and_class_plan_headings(head: str, kind: str) -> None:
    assert find_cue(head)[0] == kind


# ---------------------------------------------------------------- schedules end to end


def test_tight_markers_period_header_and_signature_in_one_schedule() -> None:
    text = (
        "东湖小学工会工作计划\n\n"
        "一、指导思想\n\n"
        "以服务教职工为宗旨，切实维护教职工合法权益，努力建设温馨和谐的职工之家。\n\n"
        "二、活动安排\n\n"
        "一月份：①评选优秀工会会员②做好学期工会工作总结\n"
        "下学期\n"
        "二月份：（1）走访慰问生病教职工（2）制定本学期工会计划\n"
        "备注：以上活动如有调整另行通知。\n\n"
        "东湖小学工会\n"
        "2023年2月\n"
    )
    doc = planparse.parse_text(text)
    got = sorted((tuple(e.months), e.activity.rstrip("。")) for p in doc.plans for e in p.schedule)
    assert got == [
        ((1,), "做好学期工会工作总结"),
        ((1,), "评选优秀工会会员"),
        ((2,), "制定本学期工会计划"),
        ((2,), "走访慰问生病教职工"),
    ]


def test_tight_markers_are_found_where_they_start() -> None:
    from planparse.parse.lines import _TIGHT

    text = "开学工作（2）制定计划②整理档案12、布置教室3、1234、"
    assert [m.group() for m in _TIGHT.finditer(text)] == ["（2）", "②", "12、", "3、", "34、"]
    assert _TIGHT.search("（十二）", 1) is None  # the bracket before the search start is not seen


# ---------------------------------------------------------------- a heading naming no kind over months

_HEAD = "城南中学2026年春季教导处工作计划\n一、指导思想\n以提高教学质量为中心。\n二、教学常规管理\n1、加强备课管理。\n2、规范作业批改。\n"


def _kinds(text: str) -> list[tuple[str, str | None]]:
    return [(s.kind.value, s.heading) for p in planparse.parse_text(text, tag=False).plans for s in p.sections]


def test_uncued_heading_over_a_month_list_is_a_schedule_from_its_heading() -> None:
    doc = planparse.parse_text(_HEAD + "三、本学期教学活动\n三月：制定教研组计划\n四月：期中考试\n", tag=False)
    assert [(s.kind.value, s.heading) for s in doc.plans[0].sections] == [
        ("guiding_ideology", "一、指导思想"), ("main_work", None), ("schedule", "三、本学期教学活动")]
    assert [(e.months, e.activity) for e in doc.plans[0].schedule] == [([3], "制定教研组计划"), ([4], "期中考试")]


def test_uncued_heading_needs_what_it_holds_to_be_a_month_list() -> None:
    # one month label in its part: a work heading with a dated first step, no schedule
    one = _kinds(_HEAD + "三、加强青年教师培养\n三月：举行拜师结对仪式\n1、每月听课不少于四节。\n2、每学期上一节汇报课。\n")
    assert one == [("guiding_ideology", "一、指导思想"), ("main_work", None)]
    # the part ends at the next top-level line: months after it are not the heading's
    later = _kinds(_HEAD + "三、加强青年教师培养\n三月：举行拜师结对仪式\n四、其他\n五月：期中考试\n六月：期末考试\n")
    assert ("schedule", "三、加强青年教师培养") not in later
