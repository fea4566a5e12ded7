"""How an item keeps its spans (issue 11: memory of a long plan of short items).

A one-line item holds its first line's span as two int fields and no tuple of later lines of its
own (the empty tuple is shared); ``own`` and ``body`` are read back as before.
"""

from __future__ import annotations

from planparse.parse.structure import parse_structure

TEXT = "XX小学2025年工会工作计划\n一、主要工作\n1、开展职工趣味运动会。\n2、组织教职工体检，\n体检后建立健康档案。\n"


def test_one_line_item_shares_the_empty_tuple_and_reads_its_body_back() -> None:
    doc = parse_structure(TEXT)
    items = [a.data for a in doc.layer("items") if a.data.level == 1]
    assert len(items) == 2
    one, two = items
    assert one.more == ()
    assert one.body == (one.own,)
    assert doc.text[slice(*one.own)] == "开展职工趣味运动会。"
    assert len(two.body) == 2 and two.body[0] == two.own
    assert doc.text[slice(*two.body[1])] == "体检后建立健康档案。"
