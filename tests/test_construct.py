"""``construct`` builds planparse's models without validation: they must be the models validation gives."""

from __future__ import annotations

import pickle

import planparse
from planparse.models import Document, Item, ScheduleEntry
from planparse.parse.construct import construct


def _item(**extra: object) -> Item:
    values: dict[str, object] = dict(span=(0, 6), marker="1、", marker_family="arabic", number=1, level=0,
                                     text="召开教代会", body="", is_heading=False)
    values.update(extra)
    return construct(Item, **values)


def test_construct_equals_validation_and_fills_defaults() -> None:
    built = _item()
    validated = Item(span=(0, 6), marker="1、", marker_family="arabic", number=1, level=0, text="召开教代会",
                     body="", is_heading=False)
    assert built == validated
    assert built.model_dump() == validated.model_dump()
    assert built.children == [] and built.keywords == []
    # mutable defaults are never shared between two models
    other = _item()
    built.keywords.append("教代会")
    assert other.keywords == []


def test_constructed_models_report_every_field_set_and_stay_assignable() -> None:
    a, b = _item(), _item(number=2)
    assert a.model_fields_set == set(Item.model_fields)
    a.text = "组织春游"  # pydantic's __setattr__ adds to the fields set: it must not break the shared one
    assert a.text == "组织春游" and b.text == "召开教代会"
    assert b.model_fields_set == set(Item.model_fields)
    assert pickle.loads(pickle.dumps(a)) == a


def test_a_parsed_document_round_trips_through_json_and_pickle() -> None:
    doc = planparse.parse_text("学校工会工作计划\n一、主要工作\n1、召开教代会\n二、活动安排\n三月：组织三八节活动", tag=False)
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert pickle.loads(pickle.dumps(doc)) == doc
    entries = [e for p in doc.plans for e in p.schedule]
    assert entries and all(isinstance(e, ScheduleEntry) for e in entries)
    assert entries[0].model_fields_set == set(ScheduleEntry.model_fields)
