"""The page as she uses it: headless Chromium (Debian's chromium package, driven by Playwright's
Python package against that binary) through paste, upload, drop, click-to-highlight, edits and
every download; the downloaded files are opened by libraries. Screenshots go to tmp/artifacts/web/.

Skipped, with the reason, when no chromium binary is installed (.ci/run installs it) or when the
playwright package is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import planparse
from tests._web_support import ARTIFACTS, SAMPLE_PLAN, docx_bytes, running_server

CHROMIUM = os.environ.get("PLANPARSE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium; .ci/run does)")

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed (pip install -e '.[test]')")

SERVER_LOG: Path | None = None


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    global SERVER_LOG
    SERVER_LOG = tmp_path_factory.mktemp("serve") / "serve.log"
    with running_server(SERVER_LOG) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server: str, request: pytest.FixtureRequest):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    page.requested = []  # every URL the page asked for, to check that nothing leaves this machine
    page.on("request", lambda r: page.requested.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server)
    page.wait_for_selector("body[data-ready=true]")
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert errors == [], errors


def paste(page, text: str = SAMPLE_PLAN) -> None:
    page.fill("#paste-text", text)
    page.click("#parse-text")
    page.wait_for_selector("#result:not([hidden])")


def cell(page, row: int, name: str):
    return page.get_by_label(f"第 {row} 行 {name}", exact=True)


def fetch(page, fmt: str, label: str, name: str) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    download = info.value
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    download.save_as(path)
    assert download.suggested_filename.endswith(f".{fmt}")
    return path


def test_paste_shows_the_outline_beside_the_text(page, server: str) -> None:
    paste(page)
    assert page.inner_text("#result-title") == "粘贴的文字：1 份计划，4 条日程"
    outline = page.inner_text("#outline")
    assert "计划 1：青石镇中心小学2025年工会工作计划（2025 年）" in outline
    for words in ("指导思想", "主要工作", "月份安排", "（一） 加强自身建设", "1. 健全工会组织", "前言：本计划经𠮷校长审定", "三月", "四月"):
        assert words in outline, words
    assert page.text_content("#original") == SAMPLE_PLAN
    assert all(url.startswith(server) or url.startswith(("blob:", "data:")) for url in page.requested), page.requested


def test_clicking_the_outline_highlights_the_original(page) -> None:
    doc = planparse.parse_text(SAMPLE_PLAN, tag=False)
    plan = doc.plans[0]
    paste(page)
    targets = [
        (page.locator("#outline button.node", has_text="二、主要工作"), plan.sections[1].span),
        (page.locator("#outline button.node", has_text="2. 做好会员信息管理工作"), next(i for i in plan.walk_items() if i.text.startswith("做好会员")).span),
        (page.locator("#outline li.entry button", has_text="举办青年教师基本功比赛"), plan.schedule[2].span),
    ]
    for button, span in targets:
        button.click()
        # offsets count code points; 𠮷 before them is two UTF-16 units in the page
        assert page.text_content("#original mark") == doc.text[span[0] : span[1]]
        assert "active" in (button.get_attribute("class") or "")
    assert page.text_content("#original") == SAMPLE_PLAN  # highlighting never changes the text
    page.locator("#schedule tr[data-row='0'] button.locate").click()
    assert page.text_content("#original mark") == doc.span_text(plan.schedule[0].span)


def test_upload_a_docx(page) -> None:
    page.set_input_files("#file-input", {"name": "教研计划.docx", "mimeType": "application/octet-stream", "buffer": docx_bytes()})
    page.wait_for_selector("#result:not([hidden])")
    assert page.inner_text("#result-title") == "教研计划.docx：1 份计划，3 条日程"
    assert page.is_visible("#year-hint")  # the plan states no year: the page asks for one
    assert [cell(page, r, "活动").input_value() for r in (1, 2, 3)] == ["制定各班教研计划", "开展半日活动观摩研讨", "组织教师撰写观察记录"]


def test_the_drop_zone_opens_the_file_chooser_from_the_keyboard(page) -> None:
    # the page binds its keys once its settings have loaded (the size hint shows them): press after that
    page.wait_for_function("document.getElementById('limit-hint').textContent.includes('MB')")
    with page.expect_file_chooser(timeout=20_000) as chooser:
        page.press("#drop-zone", "Enter")  # focus and key in one step: nothing can take the focus between
    chooser.value.set_files({"name": "计划.txt", "mimeType": "text/plain", "buffer": SAMPLE_PLAN.encode("utf-8")})
    page.wait_for_selector("#result:not([hidden])")
    assert page.inner_text("#result-title") == "计划.txt：1 份计划，4 条日程"


def test_drop_a_text_file(page) -> None:
    transfer = page.evaluate_handle(
        """(text) => { const dt = new DataTransfer();
                      dt.items.add(new File([text], "工会计划.txt", { type: "text/plain" })); return dt; }""",
        SAMPLE_PLAN,
    )
    page.dispatch_event("#drop-zone", "drop", {"dataTransfer": transfer})
    page.wait_for_selector("#result:not([hidden])")
    assert page.inner_text("#result-title") == "工会计划.txt：1 份计划，4 条日程"


def test_bad_files_are_answered_in_the_page(page) -> None:
    page.set_input_files("#file-input", {"name": "计划.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"})
    page.wait_for_selector("#message:not([hidden])")
    assert page.inner_text("#message") == "“计划.pdf”：PDF 文件读不了：请把文字复制粘贴到左边的文本框，或另存为 .docx"
    page.set_input_files("#file-input", {"name": "空.txt", "mimeType": "text/plain", "buffer": b"  \n"})
    sync_api.expect(page.locator("#message")).to_contain_text("空.txt")
    assert "空的" in page.inner_text("#message")
    page.click("#parse-text")  # nothing pasted
    sync_api.expect(page.locator("#message")).to_contain_text("粘贴")
    assert page.is_hidden("#result")


def test_edit_the_schedule_and_download_each_format(page) -> None:
    import openpyxl

    from planparse.models import Document

    paste(page)
    cell(page, 1, "活动").fill("组织女教职工春季登山活动")
    cell(page, 1, "日期").fill("3月8日")
    cell(page, 1, "负责人").fill("张丽")
    cell(page, 1, "参加范围").fill("全体女教职工")
    page.locator("#schedule tr[data-row='3'] button.remove").click()
    page.get_by_role("button", name="添加一行").click()
    cell(page, 4, "月份").fill("6")
    cell(page, 4, "日期").fill("6月1日—3日")
    cell(page, 4, "活动").fill("教职工趣味运动会")
    page.screenshot(path=str(ARTIFACTS / "edited_schedule.png"), full_page=True)

    sheet = openpyxl.load_workbook(fetch(page, "xlsx", "下载 Excel（.xlsx）", "schedule.xlsx")).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:5] == ["月份", "日期", "活动", "负责人", "参加范围"]
    assert rows[1][:5] == ["三月", "3月8日", "组织女教职工春季登山活动", "张丽", "全体女教职工"]
    assert [r[2] for r in rows[1:]] == ["组织女教职工春季登山活动", "召开第五届教代会第二次会议", "举办青年教师基本功比赛", "教职工趣味运动会"]

    csv_text = fetch(page, "csv", "下载 CSV", "schedule.csv").read_bytes().decode("utf-8-sig")
    assert csv_text.startswith("月份,日期,活动,负责人,参加范围") and "三月,3月8日,组织女教职工春季登山活动,张丽,全体女教职工" in csv_text
    assert "开展“五一”劳动节评优活动" not in csv_text

    doc = Document.model_validate_json(fetch(page, "json", "下载 JSON", "schedule.json").read_bytes())
    first, *_, added = doc.plans[0].schedule
    assert (first.activity, first.responsible, first.participants) == ("组织女教职工春季登山活动", "张丽", "全体女教职工")
    assert [(d.start_month, d.start_day, d.year) for d in first.dates] == [(3, 8, 2025)]
    assert (added.activity, added.months, added.dates[0].end_day) == ("教职工趣味运动会", [6], 3)

    import datetime as dt

    import icalendar

    page.fill("#year", "2026")  # last year's plan used again: the events move to 2026
    calendar = icalendar.Calendar.from_ical(fetch(page, "ics", "下载日历（.ics）", "schedule.ics").read_bytes())
    events = {str(e["summary"]): (e.decoded("dtstart"), e.decoded("dtend")) for e in calendar.walk("VEVENT")}
    assert events["组织女教职工春季登山活动"] == (dt.date(2026, 3, 8), dt.date(2026, 3, 9))
    assert events["教职工趣味运动会"] == (dt.date(2026, 6, 1), dt.date(2026, 6, 4))
    assert len(events) == 4


def test_a_calendar_without_a_year_asks_for_one(page) -> None:
    page.set_input_files("#file-input", {"name": "教研计划.docx", "mimeType": "application/octet-stream", "buffer": docx_bytes()})
    page.wait_for_selector("#result:not([hidden])")
    page.get_by_role("button", name="下载日历（.ics）").click()
    sync_api.expect(page.locator("#message")).to_contain_text("请在“年份”里填写")
    page.fill("#year", "2025")
    import icalendar

    calendar = icalendar.Calendar.from_ical(fetch(page, "ics", "下载日历（.ics）", "teaching.ics").read_bytes())
    assert sorted(e.decoded("dtstart").month for e in calendar.walk("VEVENT")) == [9, 10, 11]


def test_a_wrong_cell_is_marked(page) -> None:
    paste(page)
    cell(page, 2, "月份").fill("13")
    page.get_by_role("button", name="下载 JSON").click()
    page.wait_for_selector("#message:not([hidden])")
    assert page.inner_text("#message").startswith("第 2 行：月份“13”看不懂")
    assert "bad" in (cell(page, 2, "月份").get_attribute("class") or "")
    page.fill("#year", "99")
    cell(page, 2, "月份").fill("3")
    page.get_by_role("button", name="下载 JSON").click()
    sync_api.expect(page.locator("#message")).to_contain_text("1900")


def test_the_server_log_holds_no_document_text(server: str) -> None:
    # last in the module: the server has parsed and written everything above by now
    assert SERVER_LOG is not None
    log = SERVER_LOG.read_text(encoding="utf-8")
    assert server in log
    for words in ("青石镇", "登山", "教研", "趣味运动会", "张丽"):
        assert words not in log, log


def test_artifacts_were_saved() -> None:
    shots = sorted(p.name for p in ARTIFACTS.glob("*.png"))
    assert "edited_schedule.png" in shots and "test_paste_shows_the_outline_beside_the_text.png" in shots
