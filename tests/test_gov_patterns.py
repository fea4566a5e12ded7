"""Stage tests for plans of government and public bodies as they reach users (corpus 158–164):
政府信息公开 pages with their disclosure card, halves of the year, task tables dated by their
deadline column, red-header notices issuing a plan.

Every text here is written for these tests.
"""

from __future__ import annotations

import planparse
from planparse.parse.month_labels import cell_label, match_month_label
from planparse.parse.vocab import furniture

BODY = (
    "为认真贯彻落实上级关于安全生产工作的部署要求，结合我镇实际，制定本计划。\n"
    "一、工作目标\n全年不发生较大以上生产安全事故。\n"
    "二、重点工作\n（一）压实安全生产责任。\n（二）开展隐患排查整治。\n"
)


def kinds(doc: planparse.Document) -> list[tuple[str, str | None]]:
    return [(getattr(s.kind, "value", s.kind), s.heading) for p in doc.plans for s in p.sections]


def pairs(doc: planparse.Document) -> list[tuple[list[int], str]]:
    return [(list(e.months), e.activity.rstrip("。；")) for p in doc.plans for e in p.schedule]


def furniture_texts(doc: planparse.Document) -> list[str]:
    return [doc.text[a:b] for a, b in doc.furniture]


# ---------------------------------------------------------------- the disclosure card


def test_disclosure_card_fields_are_furniture_in_each_layout() -> None:
    fv = furniture()
    for line in ("索引号：11330782MB1234567X/2025-00123", "发布机构 | 东湖街道办事处 | 发文日期 | 2024年03月05日",
                 "索 引 号：736203841/2025-00041    信息分类：计划总结", "文  号：无", "有 效 性：有效",
                 "成文日期：2025-02-18", "字体：[大 中 小]", "关 键 词：大气污染"):
        assert fv.is_furniture(line), line
    # a record's own fields and a task table's header are plan content, and so, on its own, is a
    # field a plan may hold too (a 居务公开 item's 公开方式)
    for line in ("时间：3月上旬", "名称：新春联欢会", "责任单位：各村（居）委会", "序号 | 工作任务 | 责任单位 | 完成时限",
                 "公开方式：主动公开"):
        assert not fv.is_furniture(line), line


def test_a_field_a_plan_may_hold_is_the_cards_only_beside_a_sure_field() -> None:
    card = "社区治理工作计划\n索引号：000014349/2024-00056\n公开方式：主动公开  公开时限：常年公开\n"
    doc = planparse.parse_text(card + BODY, tag=False)
    assert "公开方式：主动公开  公开时限：常年公开" in furniture_texts(doc)
    own = ("社区2025年居务公开工作计划\n" + BODY + "（三）规范居务公开。\n公开内容：低保、救助等事项。\n"
           "公开方式：社区公示栏和居民微信群。\n")
    doc = planparse.parse_text(own, tag=False)
    assert not [t for t in furniture_texts(doc) if t.startswith("公开")]


def test_a_card_under_the_title_gives_the_plan_no_year_and_no_preamble() -> None:
    text = ("青溪镇农村人居环境整治工作计划\n索引号：001008003/2025-00017\n发布机构：青溪镇人民政府\n"
            "成文日期：2025年03月12日\n文号：青政发〔2025〕9号\n有效性：有效\n" + BODY)
    doc = planparse.parse_text(text, tag=False)
    plan = doc.plans[0]
    assert (plan.title, plan.year) == ("青溪镇农村人居环境整治工作计划", None)
    assert not plan.preamble
    assert "成文日期：2025年03月12日" in furniture_texts(doc)
    assert kinds(doc)[0] == ("guiding_ideology", None)


def test_a_card_one_cell_a_line_is_furniture_key_and_value() -> None:
    text = "索引号\n736204512/2025-00008\n发布机构\n和平县疾控中心\n生成日期\n2025年02月26日\n有效性\n有效\n和平县疾控中心免疫规划工作计划\n" + BODY
    doc = planparse.parse_text(text, tag=False)
    assert {"索引号", "736204512/2025-00008", "发布机构", "和平县疾控中心", "有效性", "有效"} <= set(furniture_texts(doc))
    assert not doc.unassigned
    assert (doc.plans[0].title, doc.plans[0].year) == ("和平县疾控中心免疫规划工作计划", None)


# ---------------------------------------------------------------- halves of the year


def test_halves_of_the_year_label_their_six_months_as_quarters_label_three() -> None:
    assert match_month_label("上半年：完成摸底").months == [1, 2, 3, 4, 5, 6]
    lab = match_month_label("下半年（7—12月）：开展评估")
    assert lab.months == [7, 8, 9, 10, 11, 12] and lab.rest == "开展评估"
    lab = match_month_label("2025年上半年工作：开展培训")
    assert lab.months == [1, 2, 3, 4, 5, 6] and lab.years[6] == 2025 and lab.rest == "开展培训"
    assert cell_label("下半年").months == [7, 8, 9, 10, 11, 12]
    assert match_month_label("一季度：召开会议").months == [1, 2, 3]


def test_a_half_over_numbered_items_dates_each_and_a_year_round_label_none() -> None:
    text = ("城南街道2025年民政工作计划\n一、工作安排\n上半年：\n1.开展春节走访慰问。\n2.完成低保复核。\n"
            "全年：\n1.做好高龄津贴发放。\n7月：组织暑期关爱活动。\n下半年：开展敬老月活动；做好冬季救助。\n"
            "长期坚持：落实网格巡查。\n")
    doc = planparse.parse_text(text, tag=False)
    assert pairs(doc) == [
        ([1, 2, 3, 4, 5, 6], "开展春节走访慰问"), ([1, 2, 3, 4, 5, 6], "完成低保复核"), ([7], "组织暑期关爱活动"),
        ([7, 8, 9, 10, 11, 12], "开展敬老月活动"), ([7, 8, 9, 10, 11, 12], "做好冬季救助"),
    ]


# ---------------------------------------------------------------- deadline task tables


def test_a_deadline_cell_names_its_month_a_year_round_cell_none() -> None:
    for cell, months in (("3月底前", [3]), ("6月30日前", [6]), ("4月底前完成", [4]), ("9月中旬前", [9]),
                         ("6月30日前办结", [6]), ("全年", None), ("长期坚持", None), ("完成", None)):
        lab = cell_label(cell)
        assert (lab.months if lab else None) == months, cell


TASKS = ("序号 | 工作任务 | 责任单位 | 完成时限\n1 | 制定抽检计划 | 抽检科 | 2月底前\n"
         "2 | 落实包保责任 | 各科室 | 长期坚持\n3 | 开展节前检查 | 经营科 | 9月20日前\n4 | 推进明厨亮灶 | 各所 | 全年\n")


def test_a_task_table_in_a_schedule_part_is_dated_by_its_deadline_column() -> None:
    doc = planparse.parse_text("区市场监管局2025年工作计划\n" + BODY + "三、工作进度安排\n" + TASKS, tag=False)
    assert kinds(doc)[-1] == ("schedule", "三、工作进度安排")
    # 长期坚持 and 全年 name no month: no entry, not the month of the row above
    assert pairs(doc) == [([2], "制定抽检计划"), ([9], "开展节前检查")]
    plan = doc.plans[0]
    assert [e.responsible for e in plan.schedule] == ["抽检科", "经营科"]


def test_a_period_column_dates_the_rows_and_the_deadline_beside_it_does_not() -> None:
    table = "季度 | 主要工作 | 完成时间\n第一季度 | 修订管理制度 | 3月底\n第二季度 | 组织员工体检 | 6月底\n"
    doc = planparse.parse_text("行政部2025年工作计划\n" + BODY + "三、工作安排\n" + table, tag=False)
    assert pairs(doc) == [([1, 2, 3], "修订管理制度"), ([4, 5, 6], "组织员工体检")]


def test_a_table_with_no_time_column_makes_no_schedule() -> None:
    table = "序号 | 工作任务 | 责任单位\n1 | 制定抽检计划 | 抽检科\n2 | 开展节前检查 | 经营科\n"
    doc = planparse.parse_text("区市场监管局2025年工作计划\n" + BODY + "三、主要任务分解\n" + table, tag=False)
    assert kinds(doc)[-1] == ("main_work", "三、主要任务分解")
    assert pairs(doc) == []


# ---------------------------------------------------------------- red-header notices


def test_a_notice_issuing_a_plan_is_no_plan_and_its_annex_label_no_section() -> None:
    text = ("丰源街道办事处文件\n丰街发〔2024〕15号\n关于印发《丰源街道2024年民政工作计划》的通知\n"
            "各社区居委会，街道各科室：\n现将《丰源街道2024年民政工作计划》印发给你们，请认真抓好落实。\n"
            "丰源街道办事处\n2024年1月22日\n附件\n丰源街道2024年民政工作计划\n" + BODY)
    doc = planparse.parse_text(text, tag=False)
    assert [(p.title, p.year) for p in doc.plans] == [("丰源街道2024年民政工作计划", 2024)]
    assert [k for k, _ in kinds(doc)] == ["guiding_ideology", "goals", "main_work"]
    assert "附件" in [doc.text[a:b] for a, b in doc.unassigned]


def test_the_body_signing_and_the_colophon_after_a_month_list_are_no_entries() -> None:
    text = ("柳溪镇2025年安全生产工作计划\n" + BODY + "三、月度工作安排\n1月：开展节前安全检查。\n12月：开展年度考核。\n"
            "柳溪镇人民政府\n2025年2月12日\n（此件公开发布）\n抄送：县应急管理局。\n柳溪镇党政综合办公室    2025年2月12日印发\n")
    doc = planparse.parse_text(text, tag=False)
    assert pairs(doc) == [([1], "开展节前安全检查"), ([12], "开展年度考核")]
    assert {"（此件公开发布）", "抄送：县应急管理局。"} <= set(furniture_texts(doc))
    # a sentence saying a document was issued is the plan's own words
    assert not furniture().is_furniture("《实施方案》已于2025年3月1日印发")


NOTICE = ("石桥镇人民政府文件\n石政发〔2025〕6号\n关于印发《石桥镇2025年环保工作计划》的通知\n各村（居）委会：\n"
          "现将《石桥镇2025年环保工作计划》印发给你们，请认真贯彻执行。\n")


def test_the_annex_named_with_its_title_over_the_plan_titles_it() -> None:
    doc = planparse.parse_text(NOTICE + "石桥镇人民政府\n2025年2月18日\n附件：石桥镇2025年环保工作计划\n" + BODY, tag=False)
    assert [(p.title, p.year) for p in doc.plans] == [("石桥镇2025年环保工作计划", 2025)]
    assert [k for k, _ in kinds(doc)] == ["guiding_ideology", "goals", "main_work"]


def test_the_notices_annex_line_over_its_signature_is_no_title() -> None:
    text = (NOTICE + "附件：石桥镇2025年环保工作计划\n石桥镇人民政府\n2025年2月18日\n附件\n石桥镇2025年环保工作计划\n" + BODY)
    doc = planparse.parse_text(text, tag=False)
    (plan,) = doc.plans
    own = text.index("附件\n石桥镇") + len("附件\n")
    assert plan.title == "石桥镇2025年环保工作计划" and plan.title_span[0] == own
    assert plan.span[0] == own and not plan.preamble
