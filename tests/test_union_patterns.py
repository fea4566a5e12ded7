"""Stage tests for patterns found probing trade-union plans (学校/医院/企业/机关工会, 女职工委员会; corpus 245–250).

Every text here is written for these tests.
"""

from __future__ import annotations

import planparse
from planparse.parse.features import find_cue

TITLE = "城西中学工会2026年工作计划\n\n"
GUIDING = "一、指导思想\n在学校党支部领导下，以建设教工之家为抓手，扎实做好本年度工会各项工作。\n"


def kinds(text: str) -> list[list[tuple[str, str | None]]]:
    doc = planparse.parse_text(text)
    return [[(getattr(s.kind, "value", s.kind), s.heading) for s in p.sections] for p in doc.plans]


def pairs(text: str) -> list[list[tuple[list[int], str]]]:
    doc = planparse.parse_text(text)
    return [[(list(e.months), e.activity) for e in p.schedule] for p in doc.plans]


# ---------------------------------------------------------------- the committee's division of work


def test_a_committee_division_of_work_is_a_part_of_its_own() -> None:
    assert find_cue("工会委员分工")[0] == "other"
    assert find_cue("工会委员会成员分工")[0] == "other"
    assert find_cue("班子分工")[0] == "other"
    # a branch union (分工会) is a work area, not a division of work
    assert find_cue("分工会建设")[0] is None


def test_a_committee_division_after_the_month_list_ends_it() -> None:
    text = (TITLE + GUIDING + "二、主要工作\n1.开好教代会。\n2.做好帮扶慰问。\n三、月份安排\n三月：召开教代会\n"
            "十二月：年终总结\n四、工会委员分工\n主席：王文  主持全面工作\n组织委员：李青  负责会员发展\n")
    assert kinds(text)[0][-2:] == [("schedule", "三、月份安排"), ("other", "四、工会委员分工")]
    assert pairs(text) == [[([3], "召开教代会"), ([12], "年终总结")]]


# ---------------------------------------------------------------- the guiding line in a leader's words


def test_an_opening_following_a_leaders_words_sets_the_guiding_line() -> None:
    body = "一、主要任务\n1.召开职代会。\n2.开展劳动竞赛。\n"
    for words in ("重要论述", "重要讲话", "重要指示"):
        opening = f"2026年，公司工会将认真学习贯彻习近平总书记关于工人阶级和工会工作的{words}，团结职工建功立业。\n"
        assert kinds("江河公司工会2026年工作计划\n" + opening + body) == [
            [("guiding_ideology", None), ("main_work", "一、主要任务")]
        ]
    # a paragraph of background is none
    background = "2026年，公司工会共有会员三百二十人，其中女会员一百一十人，分工会六个。\n"
    assert kinds("江河公司工会2026年工作计划\n" + background + body) == [[("main_work", "一、主要任务")]]


def test_an_opening_naming_itself_the_overall_requirement_sets_the_guiding_line() -> None:
    body = "一、推进民主管理\n一是开好职代会。\n二、做实服务职工\n一是做好帮扶。\n"
    for opening in (
        "江河港务集团有限公司工会2026年工作的总体要求是：坚持稳中求进，突出维权服务，团结职工建功立业。\n",
        "本年度工会工作总体思路：坚持服务职工，推动企业和职工共同发展。\n",
        "2026年工会工作以职工需求为导向，以职工之家建设为载体，推动各项工作落实。\n",
    ):
        assert kinds("江河港务集团工会2026年工作要点\n" + opening + body)[0][0] == ("guiding_ideology", None), opening
    # the words before the colon naming another part, or a part beside the line, set no guiding line
    for opening in (
        "集团工会现有会员的基本情况是：会员一千二百人，其中女会员四百人，分工会十一个。\n",
        "本年度工作的基本原则是：公开公平，注重实效，让职工真正得到实惠。\n",
    ):
        assert kinds("江河港务集团工会2026年工作要点\n" + opening + body)[0][0] == ("main_work", None), opening


# ---------------------------------------------------------------- a title ending in a cue word after content


def titles(text: str) -> list[str | None]:
    return [p.title for p in planparse.parse_text(text).plans]


def test_a_key_points_title_after_another_plan_starts_the_next_plan() -> None:
    first = TITLE + GUIDING + "二、主要工作\n1.召开教代会。\n2.开展送温暖活动。\n三、月份安排\n三月：召开教代会\n五月：拔河比赛\n\n"
    second = ("人民医院工会2026年工作要点\n\n2026年医院工会工作的总体思路是：以党的二十大精神为指导，维护职工合法权益。\n"
              "一、加强民主管理\n1.召开职代会。\n二、关爱职工\n1.组织职工体检。\n")
    assert titles(first + second) == ["城西中学工会2026年工作计划", "人民医院工会2026年工作要点"]
    # under a notice that issues it, the plan starts at its own title
    notice = ("关于印发《人民医院工会2026年工作要点》的通知\n\n各科室分工会：\n现将《人民医院工会2026年工作要点》"
              "印发给你们，请认真贯彻落实。\n\n人民医院工会\n2026年1月10日\n\n")
    assert titles(notice + second) == ["人民医院工会2026年工作要点"]


def test_a_part_headed_by_a_year_and_a_cue_word_is_no_plan_of_its_own() -> None:
    body = ("城西中学工会2026年工作计划\n\n一、上年工作回顾\n全年召开教代会一次，慰问困难教职工二十人次。\n\n"
            "{head}\n\n1.召开教代会。\n2.组织教职工体检。\n")
    # naming only its year, or numbered as the plan's part: a heading of the plan
    for head in ("2026年工作要点", "二、学校工会2026年工作要点"):
        assert titles(body.format(head=head)) == ["城西中学工会2026年工作计划"], head


# ---------------------------------------------------------------- rows of no month, annexes


def test_a_month_list_opening_with_a_row_of_no_month_is_the_headings_schedule() -> None:
    for row in ("全年：做好会员生日慰问", "每月：为当月过生日的会员送蛋糕券", "春节：走访慰问困难职工", "寒假：组织教职工健步走"):
        text = TITLE + GUIDING + f"二、工作安排\n{row}\n3月：召开教代会\n5月：拔河比赛\n10月：登山比赛\n"
        assert kinds(text) == [[("guiding_ideology", "一、指导思想"), ("schedule", "二、工作安排")]], row
        assert pairs(text) == [[([3], "召开教代会"), ([5], "拔河比赛"), ([10], "登山比赛")]], row


def test_every_month_names_no_one_month() -> None:
    # 每月 is a period of no one month, like 全年: no entry, and no more of the month above it
    text = TITLE + GUIDING + "二、月份安排\n3月：召开教代会\n每月：为过生日的会员送蛋糕券\n4月：拔河比赛\n"
    assert pairs(text) == [[([3], "召开教代会"), ([4], "拔河比赛")]]


def test_an_annex_after_the_month_list_is_a_part_of_its_own() -> None:
    text = (TITLE + GUIDING + "二、月份安排\n3月：召开教代会\n6月：\n1.端午节慰问\n2.工作总结\n\n"
            "附：工会委员名单\n主席：沈文\n委员：李青 王红\n")
    assert kinds(text)[0][-1] == ("other", "附：工会委员名单")
    assert pairs(text) == [[([3], "召开教代会"), ([6], "端午节慰问"), ([6], "工作总结")]]
    # an annex whose words name a schedule is one
    sched = TITLE + GUIDING + "二、主要工作\n1.召开教代会。\n2.做好慰问。\n附：月份活动安排\n3月：召开教代会\n5月：拔河比赛\n"
    assert kinds(sched)[0][-1] == ("schedule", "附：月份活动安排")


# ---------------------------------------------------------------- an aid scheme's parts


def test_whom_an_aid_scheme_serves_and_how_much_they_get_are_parts_of_it() -> None:
    for head in ("慰问对象", "帮扶对象", "服务对象"):
        assert find_cue(head)[0] == "other", head
    for head in ("慰问标准", "补助标准"):
        assert find_cue(head)[0] == "other", head
    assert find_cue("对象分析")[0] == "situation"  # the longer cue speaks
    assert find_cue("标准化建设")[0] is None  # 标准 alone names no part: a work area
    text = ("县总工会2026年金秋助学活动方案\n\n一、活动目的\n帮助困难职工子女顺利入学。\n二、资助对象\n1.困难职工家庭的大学新生。\n"
            "2.单亲困难女职工子女。\n三、资助标准\n每人资助三千元。\n四、工作要求\n各基层工会如实上报。\n")
    assert kinds(text) == [[("goals", "一、活动目的"), ("other", "二、资助对象"), ("other", "三、资助标准"),
                            ("other", "四、工作要求")]]
