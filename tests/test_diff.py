"""planparse diff on corpus/diff: it must report exactly the changes listed in corpus/diff/CHANGES.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planparse.analysis.diff import DocumentDiff, char_segments, diff, to_html, to_json, to_text
from tests._mini_parser import mini_parse

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "corpus" / "diff" / "union_2023.txt"
NEW = ROOT / "corpus" / "diff" / "union_2024.txt"

EXPECTED_ITEMS = {
    ("changed", "做好校务公开工作，重大事项及时在校务公开栏向教职工公开。"),
    ("removed", "组织青年教师读书沙龙，每学期交流读书心得两次。"),
    ("changed", "组织教职工进行两次健康体检。"),
    ("added", "开设教职工心理健康讲座，关注教职工心理健康。"),
}
EXPECTED_SCHEDULE = {
    ("moved", "组织教职工植树活动", (3,), (4,)),
    ("moved", "组织教职工趣味运动会", (5,), (10,)),
    ("added", "举办教职工书画作品展", (), (11,)),
}


def _mini(path: Path):
    return mini_parse(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))


def _strip(text: str) -> str:
    from planparse.analysis.compare import fold

    return fold(text)


def assert_expected_changes(result: DocumentDiff) -> None:
    assert len(result.plans) == 1
    plan = result.plans[0]
    assert plan.status == "changed"
    assert (plan.old_year, plan.new_year) == (2023, 2024)
    assert ("delete", "3") in plan.title_segments and ("insert", "4") in plan.title_segments
    items = {(c.status, _strip(c.text)) for c in plan.changes(kind="item")}
    assert items == {(s, _strip(t)) for s, t in EXPECTED_ITEMS}
    sched = {(c.status, _strip(c.text), tuple(c.old_months), tuple(c.new_months)) for c in plan.schedule}
    assert sched == EXPECTED_SCHEDULE
    assert not plan.changes(kind="text"), "指导思想 and 工作目标 are unchanged"
    changed = {s.heading for s in plan.sections if s.status != "same"}
    assert all("指导思想" not in (h or "") and "工作目标" not in (h or "") for h in changed)
    assert result.summary() == {
        "item_added": 1, "item_changed": 2, "item_removed": 1, "schedule_added": 1, "schedule_moved": 2,
    }  # fmt: skip


def test_diff_with_the_real_parser_reports_exactly_the_changes_made() -> None:
    assert_expected_changes(diff(OLD, NEW))


def test_cli_diff_with_the_real_parser() -> None:
    from planparse.cli import cli

    res = CliRunner().invoke(cli, ["diff", str(OLD), str(NEW), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["summary"] == {
        "item_added": 1, "item_changed": 2, "item_removed": 1, "schedule_added": 1, "schedule_moved": 2,
    }  # fmt: skip
    res = CliRunner().invoke(cli, ["diff", str(OLD), str(OLD)])
    assert res.exit_code == 0 and "summary: no changes" in res.output


def test_char_segments_mark_only_changed_characters() -> None:
    segs = char_segments("组织教职工进行一次健康体检。", "组织教职工进行两次健康体检。")
    assert [s for s in segs if s[0] != "equal"] == [("delete", "一"), ("insert", "两")]
    assert "".join(t for op, t in segs if op != "insert") == "组织教职工进行一次健康体检。"


def test_diff_reports_exactly_the_changes_made() -> None:
    assert_expected_changes(diff(_mini(OLD), _mini(NEW)))


def test_changed_item_marks_inserted_words() -> None:
    plan = diff(_mini(OLD), _mini(NEW)).plans[0]
    c = next(c for c in plan.changes("changed") if "校务公开栏" in c.text)
    assert [s for s in c.segments if s[0] != "equal"] == [("insert", "在校务公开栏")]
    assert c.old_path == c.new_path == "（一）/2."


def test_identical_plans_have_no_changes() -> None:
    d = diff(_mini(OLD), _mini(OLD))
    assert d.summary() == {}
    assert d.plans[0].status == "same"
    assert "no changes" in to_text(d)


def test_prose_section_wording_change_is_reported() -> None:
    old = _mini(OLD)
    text = old.text.replace("围绕学校中心工作", "紧紧围绕学校中心工作")
    new = mini_parse(text, "new.txt")
    plan = diff(old, new).plans[0]
    [c] = plan.changes()
    assert c.kind == "text" and ("insert", "紧紧") in c.segments


def test_text_rendering_plain_and_colour() -> None:
    d = diff(_mini(OLD), _mini(NEW))
    plain = to_text(d)
    assert "重大事项及时{+在校务公开栏+}向教职工公开" in plain
    assert "组织教职工进行[-一-]{+两+}次健康体检" in plain
    assert "组织教职工植树活动   3月 → 4月" in plain
    assert "\x1b[" not in plain
    coloured = to_text(d, color=True)
    assert "\x1b[" in coloured and "[-" not in coloured


def test_json_and_html() -> None:
    d = diff(_mini(OLD), _mini(NEW))
    data = json.loads(to_json(d))
    assert data["summary"]["schedule_moved"] == 2
    moved = [c for c in data["plans"][0]["schedule"] if c["status"] == "moved"]
    assert {(c["new_text"], tuple(c["old_months"]), tuple(c["new_months"])) for c in moved} == {
        ("组织教职工植树活动", (3,), (4,)),
        ("组织教职工趣味运动会", (5,), (10,)),
    }
    page = to_html(d)
    assert page.startswith("<!DOCTYPE html>") and "<ins>在校务公开栏</ins>" in page
    assert "<del>一</del><ins>两</ins>" in page
    assert "<script" not in page and "http" not in page.split("<body>")[1]


@pytest.fixture()
def mini_cli(monkeypatch: pytest.MonkeyPatch):
    """The CLI with the stand-in parser, so the command's own logic is what is tested."""
    import planparse.cli.diff_cmd as mod

    monkeypatch.setattr(mod, "load_document", lambda f, **_: mini_parse(Path(f).read_text(encoding="utf-8"), f))
    from planparse.cli import cli

    return cli


def test_cli_diff_text_json_html(mini_cli, tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(mini_cli, ["diff", str(OLD), str(NEW)])
    assert res.exit_code == 0, res.output
    assert "- （二）/3.  组织青年教师读书沙龙" in res.output
    assert "+ [11月] 举办教职工书画作品展" in res.output
    res = runner.invoke(mini_cli, ["diff", str(OLD), str(NEW), "--format", "json"])
    assert json.loads(res.output)["summary"]["item_removed"] == 1
    out = tmp_path / "d.html"
    res = runner.invoke(mini_cli, ["diff", str(OLD), str(NEW), "--format", "html", "--out", str(out)])
    assert res.exit_code == 0 and "<ins>两</ins>" in out.read_text(encoding="utf-8")


def test_cli_diff_bad_plan_index(mini_cli) -> None:
    from planparse.errors import InputError

    res = CliRunner().invoke(mini_cli, ["diff", str(OLD), str(NEW), "--old-plan", "3"])
    assert isinstance(res.exception, InputError) and "no plan 3" in str(res.exception)


def test_html_summary_is_in_chinese() -> None:
    page = to_html(diff(_mini(OLD), _mini(NEW)))
    summary = page.split("<table>")[1].split("</table>")[0]
    assert "<th>变化</th><th>数量</th>" in summary
    assert "<td>月份安排调整月份</td><td>2</td>" in summary and "<td>条目新增</td>" in summary
    assert "schedule_moved" not in summary and "change" not in summary
    same = to_html(diff(_mini(OLD), _mini(OLD)))
    assert "没有变化" in same and "No changes" not in same


def test_an_untitled_plan_is_labelled_not_blank() -> None:
    old, new = _mini(OLD), _mini(NEW)
    extra = new.model_copy(deep=True)
    extra.plans = new.plans + [new.plans[0].model_copy(update={"title": None})]
    # the second plan of the new document has no title: it is named by its place, in text and in HTML
    d = diff(old, extra)
    added = [p for p in d.plans if p.status == "added"]
    assert len(added) == 1
    assert "+ plan （无标题）计划2 (added)" in to_text(d)
    assert "新增：（无标题）计划2" in to_html(d)
