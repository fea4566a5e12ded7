"""A .docx built at test time from a corpus plan, as a school office keeps it: the headings and items
numbered by Word (no "一、" in the paragraph text) and the month schedule in a table. It must give the
same sections and schedule as the plain-text plan."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pytest
from plan_inputs import add_numbered, add_table, docx_bytes, new_document

import planparse
from planparse.parse.markers import match_marker
from planparse.parse.month_labels import match_month_label

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# numId 20 of plan_inputs numbers 一、 / （一） / 1. at levels 0, 1, 2
ILVL = {"cjk": 0, "paren_cjk": 1, "arabic": 2}


def docx_from_plan(text: str, schedule: list[planparse.ScheduleEntry]) -> bytes:
    """Lines with a marker become Word-numbered paragraphs; the month list becomes a two-column table."""
    document = new_document()
    months: OrderedDict[str, list[str]] = OrderedDict()
    for entry in schedule:
        months.setdefault(entry.month_label or "", []).append(entry.activity)
    in_months = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if match_month_label(line) is not None:
            in_months = True
            continue
        marker = match_marker(line)
        if in_months and (marker is None or marker.family != "cjk"):
            continue  # the month's activities are in the table
        in_months = False
        if marker is not None and marker.family in ILVL:
            add_numbered(document, line[marker.end :], 20, ILVL[marker.family])
            if marker.family == "cjk" and "月份" in line:
                add_table(document, [["月份", "主要活动"], *[[label.rstrip("：:"), "；".join(acts)] for label, acts in months.items()]])
        else:
            document.add_paragraph(line)
    return docx_bytes(document)


@pytest.mark.parametrize("name", ["01_union_basic.txt"])
def test_word_numbering_and_month_table_give_the_plain_text_result(tmp_path: Path, name: str) -> None:
    txt = planparse.parse_file(CORPUS / name, tag=False)
    plan = txt.plans[0]
    path = tmp_path / "plan.docx"
    path.write_bytes(docx_from_plan(txt.text, plan.schedule))

    doc = planparse.parse_file(path, tag=False)
    assert doc.format == "docx"
    import docx

    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "指导思想：" in paragraphs and not any(t.startswith(("一、", "（一）", "1.")) for t in paragraphs)
    assert "二月份 | " in doc.text  # the month table, row by row
    got = doc.plans[0]
    assert got.title == plan.title and got.year == plan.year
    assert [(s.kind, (s.heading or "").rstrip("：:")) for s in got.sections] == [
        (s.kind, (s.heading or "").rstrip("：:")) for s in plan.sections
    ]
    assert [(e.months, e.activity) for e in got.schedule] == [(e.months, e.activity) for e in plan.schedule]
    assert len(plan.schedule) >= 10
    # the items tree survives too: same markers and numbers under 主要工作
    def items(p: planparse.Plan) -> list[tuple[int, int | None, str]]:
        return [(i.level, i.number, i.text) for s in p.sections if s.kind == "main_work" for i in s.walk_items()]

    assert items(got) == items(plan)
