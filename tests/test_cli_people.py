"""The command line for people: outline with month labels and preamble, Chinese labels and help,
no tagging where nothing shows it, progress on a long single file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import planparse
from planparse.cli.i18n import locale_language, take_language
from planparse.io.render import outline

REPO = Path(__file__).resolve().parent.parent

PLAN = """2024年实验小学工会工作计划

为进一步做好本学年工会工作，结合学校实际，特制定本计划。

一、指导思想
以服务教职工为中心，推进学校民主管理。

二、月份工作安排
三月份：
1、3月8日庆祝“三八”国际妇女节。
2、召开教职工代表大会。
四月份：
1、组织春季教职工趣味运动会。
"""


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planparse", *args], capture_output=True, text=True, cwd=REPO,
                          timeout=120, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "union.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_outline_shows_entries_under_their_month_labels_and_the_preamble() -> None:
    doc = planparse.parse_text(PLAN, tag=False)
    lines = outline(doc).splitlines()
    march = lines.index("      三月份：")
    assert lines[march + 1].strip() == "1、 3月8日庆祝“三八”国际妇女节  [dates: 3月8日]"
    assert lines[march + 2].strip() == "2、 召开教职工代表大会"
    assert lines[march + 3].strip() == "四月份："
    assert any("为进一步做好本学年工会工作" in line for line in lines)
    text = "\n".join(lines)
    assert "@" not in text and "chars" not in text
    with_spans = outline(doc, spans=True)
    start = doc.text.index("召开教职工代表大会")
    assert f"@{start}–{start + len('召开教职工代表大会')}" in with_spans


def test_outline_in_chinese() -> None:
    text = outline(planparse.parse_text(PLAN, tag=False), lang="zh")
    assert "计划 1：2024年实验小学工会工作计划  2024 年" in text
    assert "【月份安排】二、月份工作安排" in text
    assert "正文前的文字：" in text and "Plan " not in text


def test_lang_option_anywhere_and_locale() -> None:
    assert take_language(["parse", "x.txt", "--lang", "zh"], {}) == ("zh", ["parse", "x.txt"])
    assert take_language(["--lang=zh", "parse", "x.txt"], {"LANG": "en_US.UTF-8"}) == ("zh", ["parse", "x.txt"])
    assert take_language(["parse", "--", "--lang"], {}) == ("en", ["parse", "--", "--lang"])
    assert locale_language({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}) == "zh"
    assert locale_language({"LC_ALL": "", "LANG": "zh_TW.UTF-8"}) == "zh"
    assert locale_language({"LANG": "C.UTF-8"}) == "en"


def test_chinese_outline_and_help_from_the_command_line(plan_file: Path) -> None:
    done = _run("parse", str(plan_file), "--lang", "zh")
    assert done.returncode == 0, done.stderr
    assert "【指导思想】一、指导思想" in done.stdout and "三月份：" in done.stdout
    helped = _run("calendar", "--help", env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    assert "日历文件" in helped.stdout and "日程开始的年份" in helped.stdout
    english = _run("calendar", "--help", env={"LANG": "C.UTF-8", "LC_ALL": ""})
    assert "iCalendar" in english.stdout and "日历文件" not in english.stdout
    bad = _run("parse", str(plan_file), "--lang", "fr")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


@pytest.mark.parametrize("command", [["calendar", "{file}", "-o", "{out}/plan.ics"], ["export", "{file}", "--for", "people", "--out", "{out}", "-q"]])
def test_calendar_and_people_export_do_not_load_tagging(plan_file: Path, tmp_path: Path, command: list[str]) -> None:
    args = [a.format(file=plan_file, out=tmp_path) for a in command]
    script = (
        "import sys\n"
        f"sys.argv = ['planparse', *{args!r}]\n"
        "from planparse.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print(sorted(m for m in sys.modules if m == 'jieba' or m.startswith('planparse.analysis.tagging')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert any(tmp_path.iterdir())


def test_a_single_file_shows_its_steps(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "union.txt"
    path.write_text(PLAN, encoding="utf-8")
    doc = planparse.parse_file(path, tag=False, progress=True)
    assert doc.plans[0].schedule
    err = capsys.readouterr().err
    assert "union.txt" in err and "features" in err and "8/8" in err  # read, six stages, build
    planparse.parse_file(path, tag=False, progress=None)  # stderr is no terminal here: no bar
    assert capsys.readouterr().err == ""


def test_schedule_table_in_chinese_with_dates() -> None:
    from planparse.io.render import schedule_table

    lines = schedule_table(planparse.parse_text(PLAN, tag=False), lang="zh").splitlines()
    assert lines[0].split() == ["计划", "月份", "日期", "活动", "所属部分"]
    assert lines[1].split()[:3] == ["1", "3", "3月8日"]
    assert len(lines) == 4
