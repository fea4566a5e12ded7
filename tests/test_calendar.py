"""The calendar export: all-day events on stated days or spanning months, read back by two parsers."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import icalendar
import ics
import pytest

import planparse
from planparse.io.calendar import MissingYearError, document_ics, rows_ics
from planparse.io.schedule_rows import people_rows

REPO = Path(__file__).resolve().parent.parent

UNION = """2024年实验小学工会工作计划

一、指导思想
以服务教职工为中心，推进学校民主管理。

二、月份工作安排
三月份：
1、3月8日庆祝“三八”国际妇女节，组织女教职工健步走。
2、召开教职工代表大会。
七、八月份：
1、组织教职工暑期疗休养。
十二月份：
1、12月28日—1月3日做好寒假值班安排。
"""

NO_YEAR = UNION.replace("2024年", "")


def _events_icalendar(data: bytes) -> list[tuple[str, dt.date, dt.date]]:
    cal = icalendar.Calendar.from_ical(data)
    return sorted((str(ev["summary"]), ev.decoded("dtstart"), ev.decoded("dtend")) for ev in cal.walk("VEVENT"))


def _events_ics(data: bytes) -> list[tuple[str, dt.date, dt.date]]:
    """The same file through the ics package, a second parser written independently of icalendar."""
    cal = ics.Calendar(data.decode("utf-8"))
    out = []
    for ev in cal.events:
        assert ev.all_day
        out.append((ev.name, ev.begin.date(), ev.end.date()))
    return sorted(out)


def test_dated_entries_are_days_and_month_entries_span_their_months() -> None:
    doc = planparse.parse_text(UNION, tag=False)
    data = document_ics(doc)
    expected = sorted([
        ("庆祝“三八”国际妇女节，组织女教职工健步走", dt.date(2024, 3, 8), dt.date(2024, 3, 9)),
        ("召开教职工代表大会", dt.date(2024, 3, 1), dt.date(2024, 4, 1)),
        ("组织教职工暑期疗休养", dt.date(2024, 7, 1), dt.date(2024, 9, 1)),
        ("做好寒假值班安排", dt.date(2024, 12, 28), dt.date(2025, 1, 4)),  # DTEND: the day after the last
    ])
    assert _events_icalendar(data) == expected
    assert _events_ics(data) == expected


def test_every_event_has_the_properties_rfc_5545_requires() -> None:
    cal = icalendar.Calendar.from_ical(document_ics(planparse.parse_text(UNION, tag=False)))
    assert str(cal["version"]) == "2.0" and str(cal["prodid"])
    uids = []
    for ev in cal.walk("VEVENT"):
        for prop in ("uid", "dtstamp", "dtstart", "dtend", "summary"):
            assert prop in ev, prop
        assert ev["dtstart"].params.get("VALUE") == "DATE"
        uids.append(str(ev["uid"]))
    assert len(set(uids)) == len(uids) == 4


def test_lines_are_crlf_and_folded_at_75_octets() -> None:
    data = document_ics(planparse.parse_text(UNION * 1, tag=False))
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"
    assert all(len(line) <= 75 and b"\n" not in line for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # the long Chinese descriptions were folded


def test_the_same_plan_gives_the_same_uids() -> None:
    doc = planparse.parse_text(UNION, tag=False)
    stamp = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    assert document_ics(doc, stamp=stamp) == document_ics(doc, stamp=stamp)


def test_a_plan_without_a_year_asks_for_one() -> None:
    doc = planparse.parse_text(NO_YEAR, tag=False)
    assert doc.plans[0].year is None
    with pytest.raises(MissingYearError, match="--year"):
        document_ics(doc)
    firsts = {name: start for name, start, _ in _events_icalendar(document_ics(doc, year=2025))}
    assert firsts["召开教职工代表大会"] == dt.date(2025, 3, 1)
    assert firsts["做好寒假值班安排"] == dt.date(2025, 12, 28)


def test_an_autumn_term_puts_january_in_the_next_year() -> None:
    text = """2023—2024学年第一学期工会工作计划

一、指导思想
以服务教职工为中心。

二、月份工作安排
九月份：
1、庆祝教师节。
一月份：
1、做好学期工会工作总结。
"""
    events = {name: start for name, start, _ in _events_ics(document_ics(planparse.parse_text(text, tag=False)))}
    assert events == {"庆祝教师节": dt.date(2023, 9, 1), "做好学期工会工作总结": dt.date(2024, 1, 1)}


def test_edited_rows_make_the_calendar() -> None:
    rows = people_rows(planparse.parse_text(NO_YEAR, tag=False))
    assert rows[0]["dates"] == "3月8日"
    rows[1]["dates"] = "3月20日—22日"  # she dated the congress
    rows[2]["activity"] = "组织暑期疗休养"
    data = rows_ics(rows, year=2024)
    events = _events_ics(data)
    assert ("召开教职工代表大会", dt.date(2024, 3, 20), dt.date(2024, 3, 23)) in events
    assert ("组织暑期疗休养", dt.date(2024, 7, 1), dt.date(2024, 9, 1)) in events
    assert ("做好寒假值班安排", dt.date(2024, 12, 28), dt.date(2025, 1, 4)) in events
    with pytest.raises(MissingYearError):
        rows_ics(rows, year=None)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planparse", *args], capture_output=True, text=True, cwd=REPO, timeout=120)


def test_the_calendar_command(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(NO_YEAR, encoding="utf-8")
    out = tmp_path / "plan.ics"
    done = _run("calendar", str(plan), "-o", str(out))
    assert done.returncode == 2
    assert "--year" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not out.exists()
    done = _run("calendar", str(plan), "-o", str(out), "--year", "2024")
    assert done.returncode == 0, done.stderr
    assert len(_events_icalendar(out.read_bytes())) == 4
    again = _run("calendar", str(plan), "-o", str(out), "--year", "2023")
    assert again.returncode != 0 and "--force" in again.stderr
    assert _events_icalendar(out.read_bytes())[0][1].year == 2024  # left as it was
    assert _run("calendar", str(plan), "-o", str(out), "--year", "2023", "--force").returncode == 0
    assert _events_icalendar(out.read_bytes())[0][1].year == 2023



def test_the_calendar_to_standard_output_from_standard_input() -> None:
    done = subprocess.run([sys.executable, "-m", "planparse", "calendar", "-", "-o", "-"], input=UNION.encode(),
                          capture_output=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(_events_ics(done.stdout)) == 4
