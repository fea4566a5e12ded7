"""The page's API (planparse/web), through FastAPI's TestClient, and the real server's log."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planparse.models import Document
from planparse.web.app import STATIC_DIR, create_app
from planparse.web.rows import RowError, ScheduleRow, apply_rows, parse_dates, parse_months, rows_from_document
from tests._web_support import SAMPLE_PLAN, docx_bytes, running_server

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app(), base_url="http://127.0.0.1")


def parsed(client: TestClient, text: str = SAMPLE_PLAN) -> dict:
    response = client.post("/api/parse/text", content=text.encode("utf-8"), headers={"Content-Type": "text/plain"})
    assert response.status_code == 200, response.text
    return response.json()


def download(client: TestClient, fmt: str, result: dict, rows: list[dict] | None = None, year: int | None = None):
    body = {"document": result["document"], "rows": result["rows"] if rows is None else rows, "year": year}
    return client.post(f"/api/download/{fmt}", content=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                       headers={"Content-Type": "application/json"})


# --- the page and its assets ---------------------------------------------------------------------


def test_page_and_assets_are_served_from_the_package(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "工作计划整理" in page.text and 'lang="zh-CN"' in page.text
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert sorted(assets) == ["/static/app.js", "/static/style.css"]
    for asset in assets:
        assert client.get(asset).status_code == 200
    assert page.headers["content-security-policy"].startswith("default-src 'self'")


def test_no_asset_refers_to_the_network() -> None:
    # offline: nothing the page loads may name another host (a CDN, a web font)
    for path in STATIC_DIR.iterdir():
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", path.read_text(encoding="utf-8")), path.name


def test_static_files_are_package_data() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert "web/static/*" in pyproject["tool"]["setuptools"]["package-data"]["planparse"]


def test_a_host_other_than_this_machine_is_refused() -> None:
    # a page elsewhere reaching the server through DNS rebinding sends its own host name
    client = TestClient(create_app(), base_url="http://plans.example.com")
    assert client.get("/api/config").status_code == 400


def test_config_names_the_kinds_in_chinese(client: TestClient) -> None:
    config = client.get("/api/config").json()
    assert config["kinds"]["guiding_ideology"] == "指导思想" and config["kinds"]["schedule"] == "月份安排"
    assert config["formats"] == ["xlsx", "csv", "ics", "json"]


# --- parsing ------------------------------------------------------------------------------------


def test_pasted_text_gives_the_document_and_its_rows(client: TestClient) -> None:
    result = parsed(client)
    doc = Document.model_validate(result["document"])
    assert doc.text == SAMPLE_PLAN and doc.source == "粘贴的文字"
    plan = doc.plans[0]
    assert plan.year == 2025 and [s.kind.label_zh for s in plan.sections] == ["指导思想", "主要工作", "月份安排"]
    assert [r["activity"] for r in result["rows"]] == [e.activity for e in plan.schedule]
    assert [r["months"] for r in result["rows"]] == ["三月", "三月", "四月", "五月"]  # as the workbook writes them
    assert result["needs_year"] is False
    # keyword tagging is skipped, so the page answers at once
    assert all(not e.keywords for e in plan.schedule)


def test_an_uploaded_docx_is_read_and_named(client: TestClient) -> None:
    response = client.post("/api/parse/file", content=docx_bytes(), headers={"X-Filename": "%E6%95%99%E7%A0%94.docx"})
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["document"]["source"] == "教研.docx" and result["document"]["format"] == "docx"
    assert [r["months"] for r in result["rows"]] == ["九月", "十月", "十一月"]
    assert result["needs_year"] is True  # no year in the text: the page asks for one


def test_an_uploaded_gb18030_text_and_html_page(client: TestClient) -> None:
    text = client.post("/api/parse/file", content=SAMPLE_PLAN.encode("gb18030"), headers={"X-Filename": "plan.txt"})
    assert text.status_code == 200 and text.json()["document"]["text"] == SAMPLE_PLAN
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in SAMPLE_PLAN.splitlines() if line) + "</body></html>"
    html = client.post("/api/parse/file", content=page.encode("utf-8"), headers={"X-Filename": "plan.html"})
    assert html.status_code == 200 and len(html.json()["rows"]) == 4


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("计划.pdf", b"%PDF-1.4 something", "PDF"),
        ("计划.doc", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600, "旧版 Word"),
        ("照片.txt", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "不是文字文件"),
        ("坏.docx", b"PK\x03\x04 truncated", "损坏"),
        ("表格.xls", b"anything", "不支持这种文件"),
        ("空.txt", b"", "空的"),
        ("空白.txt", b" \n\n  ", "空的"),
    ],
)
def test_bad_files_are_answered_in_chinese(client: TestClient, name: str, data: bytes, words: str) -> None:
    from urllib.parse import quote

    response = client.post("/api/parse/file", content=data, headers={"X-Filename": quote(name)})
    assert response.status_code == 400
    message = response.json()["error"]
    assert name in message and words in message, message
    assert "Traceback" not in message and "Error" not in message


def test_size_limits_are_said_in_the_page() -> None:
    client = TestClient(create_app(max_bytes=2000), base_url="http://127.0.0.1")
    big = ("三月：开展活动。\n" * 200).encode("utf-8")
    upload = client.post("/api/parse/file", content=big, headers={"X-Filename": "big.txt"})
    assert upload.status_code == 413 and "太大" in upload.json()["error"] and "MB" in upload.json()["error"]
    paste = client.post("/api/parse/text", content=big)
    assert paste.status_code == 413 and "太长" in paste.json()["error"]


def test_empty_paste_asks_for_text(client: TestClient) -> None:
    response = client.post("/api/parse/text", content=b"  \n")
    assert response.status_code == 400 and "粘贴" in response.json()["error"]


def test_every_reader_refusal_has_a_chinese_sentence() -> None:
    from planparse.errors import InputError
    from planparse.io.readers import read_bytes
    from planparse.web.messages import zh_message

    samples = {
        "a.pdf": b"x", "a.rtf": b"x", "a.odt": b"x", "a.wps": b"x", "a.doc": bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600,
        "a.zip": b"x", "a.txt": b"\x00\x01\x02\x03" * 40, "b.txt": b"\xff\xfe\x00\xd8", "a.docx": b"PK\x03\x04junk",
        "c.txt": b"", "d.txt": b"   ",
    }
    for name, data in samples.items():
        with pytest.raises(InputError) as caught:
            read_bytes(data, name=name)
        message = zh_message(caught.value)
        assert CJK.search(message) and not message.startswith("无法读取"), (name, caught.value.message, message)


# --- editing and downloads ----------------------------------------------------------------------


def edited_rows(result: dict) -> list[dict]:
    rows = [dict(r) for r in result["rows"]]
    rows[0].update(activity="组织女教职工春季登山活动", responsible="工会 张丽", participants="全体女教职工", dates="3月8日")
    rows[2].update(months="4、5")
    del rows[3]
    rows.append({"plan": 0, "entry": None, "months": "6", "dates": "6月1日—3日", "activity": "教职工趣味运动会",
                 "responsible": "", "participants": ""})
    return rows


def test_json_download_is_the_document_with_her_rows(client: TestClient) -> None:
    result = parsed(client)
    response = download(client, "json", result, edited_rows(result))
    assert response.status_code == 200
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    doc = Document.model_validate_json(response.content)
    schedule = doc.plans[0].schedule
    assert [e.activity for e in schedule] == ["组织女教职工春季登山活动", "召开第五届教代会第二次会议", "举办青年教师基本功比赛", "教职工趣味运动会"]
    first, _, moved, added = schedule
    assert (first.responsible, first.participants) == ("工会 张丽", "全体女教职工")
    assert [(d.start_month, d.start_day, d.year) for d in first.dates] == [(3, 8, 2025)]
    original = Document.model_validate(result["document"]).plans[0].schedule
    assert first.span == original[0].span  # an edited row still points at its words
    assert moved.months == [4, 5] and [(c.year, c.month) for c in moved.calendar] == [(2025, 4), (2025, 5)]
    assert added.months == [6] and (added.dates[0].end_month, added.dates[0].end_day) == (6, 3)
    assert added.span == (doc.plans[0].span[1],) * 2  # a row she added is written nowhere in the text


def test_xlsx_download_opens_with_openpyxl(client: TestClient) -> None:
    import openpyxl

    result = parsed(client)
    response = download(client, "xlsx", result, edited_rows(result))
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/vnd.openxml")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["月份", "日期", "活动", "负责人", "参加范围", "所属部分", "计划"]
    assert rows[1][:5] == ["三月", "3月8日", "组织女教职工春季登山活动", "工会 张丽", "全体女教职工"]
    assert rows[3][:3] == ["四、五月", None, "举办青年教师基本功比赛"]  # months joined in one row
    assert rows[4][:3] == ["六月", "6月1日—3日", "教职工趣味运动会"]
    assert len(rows) == 5  # the row she deleted is gone
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref


def test_csv_download_has_a_bom_and_her_rows(client: TestClient) -> None:
    result = parsed(client)
    response = download(client, "csv", result, edited_rows(result))
    assert response.status_code == 200 and response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["月份", "日期", "活动", "负责人", "参加范围", "所属部分", "计划"]
    assert rows[1][:5] == ["三月", "3月8日", "组织女教职工春季登山活动", "工会 张丽", "全体女教职工"]
    assert [r[2] for r in rows[1:]] == ["组织女教职工春季登山活动", "召开第五届教代会第二次会议", "举办青年教师基本功比赛", "教职工趣味运动会"]


def test_ics_download_holds_her_rows_as_all_day_events(client: TestClient) -> None:
    import datetime as dt

    import icalendar
    import ics

    result = parsed(client)
    response = download(client, "ics", result, edited_rows(result))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/calendar")
    events = {str(e["summary"]): (e.decoded("dtstart"), e.decoded("dtend"), str(e.get("description", "")))
              for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")}
    assert events["组织女教职工春季登山活动"][:2] == (dt.date(2025, 3, 8), dt.date(2025, 3, 9))
    assert "张丽" in events["组织女教职工春季登山活动"][2]
    assert events["教职工趣味运动会"][:2] == (dt.date(2025, 6, 1), dt.date(2025, 6, 4))
    assert events["召开第五届教代会第二次会议"][:2] == (dt.date(2025, 3, 1), dt.date(2025, 4, 1))  # a month-long event
    assert "开展“五一”劳动节评优活动" not in events
    assert len(ics.Calendar(response.content.decode("utf-8")).events) == len(events)  # a second, independent parser


def test_ics_for_a_plan_without_a_year_asks_for_one(client: TestClient) -> None:
    import icalendar

    response = client.post("/api/parse/file", content=docx_bytes(), headers={"X-Filename": "plan.docx"})
    result = response.json()
    missing = download(client, "ics", result)
    assert missing.status_code == 400 and "年份" in missing.json()["error"]
    given = download(client, "ics", result, year=2025)
    starts = sorted(e.decoded("dtstart") for e in icalendar.Calendar.from_ical(given.content).walk("VEVENT"))
    assert [(d.year, d.month) for d in starts] == [(2025, 9), (2025, 10), (2025, 11)]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"months": "13"}, "第 2 行：月份“13”"),
        ({"months": ""}, "第 2 行：请填写月份"),
        ({"dates": "3月32日"}, "第 2 行：日期“3月32日”看不懂或不存在"),
        ({"dates": "下周"}, "第 2 行：日期“下周”看不懂"),
        ({"dates": "5月9日—3日"}, "第 2 行：日期“5月9日—3日”看不懂"),
        ({"activity": "  "}, "第 2 行：请填写活动"),
    ],
)
def test_a_wrong_cell_is_named_by_row_and_cell(client: TestClient, change: dict, words: str) -> None:
    result = parsed(client)
    rows = [dict(r) for r in result["rows"]]
    rows[1].update(change)
    response = download(client, "json", result, rows)
    assert response.status_code == 400 and response.json()["error"].startswith(words), response.json()


def test_a_bad_year_or_a_broken_request_is_said_without_quoting_it(client: TestClient) -> None:
    result = parsed(client)
    assert "年份" in download(client, "json", result, year=99999).json()["error"]
    broken = client.post("/api/download/json", content=b'{"document": {"text": 5}, "rows": []}')
    assert broken.status_code == 400 and "格式不对" in broken.json()["error"]
    assert client.post("/api/download/pdf", content=b"{}").status_code == 404


def test_an_internal_error_is_logged_by_its_type_alone(client: TestClient, monkeypatch, caplog) -> None:
    import planparse.web.app as app_module

    secret = "绝密的计划内容"

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError(secret)

    result = parsed(client)
    monkeypatch.setattr(app_module, "make_download", broken)
    with caplog.at_level(logging.DEBUG):
        response = download(client, "xlsx", result)
    assert response.status_code == 500 and "内部错误" in response.json()["error"] and secret not in response.text
    assert "ValueError" in caplog.text and secret not in caplog.text


# --- rows as cells ------------------------------------------------------------------------------


def test_month_cells() -> None:
    assert parse_months("3") == [3] and parse_months("3月") == [3] and parse_months("七、八月") == [7, 8]
    assert parse_months("9-10") == [9, 10] and parse_months("11至1") == [1, 11, 12] and parse_months("12，1") == [1, 12]
    assert parse_months(" ") == []
    for bad in ("0", "13", "三四五月", "春天"):
        with pytest.raises(RowError):
            parse_months(bad)


def test_date_cells() -> None:
    days = parse_dates("4月21日、5/24；12月1日—3日, 12月30日-1月2日", (0, 5))
    assert [(d.start_month, d.start_day, d.end_month, d.end_day) for d in days] == [
        (4, 21, 4, 21), (5, 24, 5, 24), (12, 1, 12, 3), (12, 30, 1, 2)]
    assert parse_dates("2月29日", (0, 0))[0].start_day == 29
    for bad in ("4月31日", "5月9日—3日", "周三", "3月8日下午"):
        with pytest.raises(RowError):
            parse_dates(bad, (0, 0))


def test_rows_round_trip_unchanged() -> None:
    import planparse

    doc = planparse.parse_text(SAMPLE_PLAN, tag=False)
    again = apply_rows(doc, rows_from_document(doc))
    assert again.plans[0].schedule == doc.plans[0].schedule


def test_every_corpus_schedule_reads_back_from_its_cells() -> None:
    # what the page shows in a cell, untouched, must give the same entry back: months and dates
    # written as the workbook writes them are read by the page's cell checks
    import planparse

    corpus = sorted((Path(__file__).resolve().parent.parent / "corpus").glob("*.txt"))
    assert corpus
    for path in corpus:
        doc = planparse.parse_file(path, tag=False)
        rows = rows_from_document(doc)
        for row in rows:
            row.months = row.months + " "  # a touched-looking cell is read, not matched
        again = apply_rows(doc, rows)
        for plan, back in zip(doc.plans, again.plans, strict=True):
            assert [(e.months, [(d.start_month, d.start_day, d.end_month, d.end_day) for d in e.dates]) for e in back.schedule] == [
                (e.months, [(d.start_month, d.start_day, d.end_month, d.end_day) for d in e.dates]) for e in plan.schedule], path.name


def test_the_page_year_places_a_plan_without_one() -> None:
    import planparse

    doc = planparse.parse_bytes(docx_bytes(), source="教研.docx", tag=False)
    rows = rows_from_document(doc) + [ScheduleRow(plan=0, months="1", activity="期末教研总结")]
    out = apply_rows(doc, rows, year=2025)
    assert out.plans[0].year is None  # what the text says stays
    assert [(c.year, c.month) for e in out.plans[0].schedule for c in e.calendar] == [
        (2025, 9), (2025, 10), (2025, 11), (2026, 1)]  # a 九月…一月 term puts 一月 in the next year
    with pytest.raises(RowError, match="没有第 3 份计划"):
        apply_rows(doc, [ScheduleRow(plan=2, months="3", activity="x")])


def test_the_page_year_replaces_the_plan_year_for_a_plan_used_again() -> None:
    import planparse

    doc = planparse.parse_text(SAMPLE_PLAN, tag=False)
    rows = rows_from_document(doc)
    rows[0].dates = "3月8日"
    kept = apply_rows(doc, rows)
    before = doc.model_dump()
    again = apply_rows(doc, rows, year=2026)
    assert doc.model_dump() == before and kept.plans[0].schedule[0].dates[0].year == 2025  # no copy shares a change
    assert {c.year for e in kept.plans[0].schedule for c in e.calendar} == {2025}
    assert {c.year for e in again.plans[0].schedule for c in e.calendar} == {2026}
    assert again.plans[0].schedule[0].dates[0].year == 2026 and again.plans[0].year == 2025


# --- the real server: its log holds nothing of the documents ------------------------------------


def test_the_server_logs_nothing_of_the_documents(tmp_path: Path) -> None:
    import httpx

    marker_text = "绝不进日志的特别活动名称"
    marker_file = "不进日志的文件内容"
    log_path = tmp_path / "serve.log"
    with running_server(log_path) as url:
        with httpx.Client(base_url=url, timeout=30) as http:
            assert http.get("/").status_code == 200
            result = http.post("/api/parse/text", content=SAMPLE_PLAN.replace("召开第五届教代会第二次会议", marker_text).encode()).json()
            assert any(r["activity"] == marker_text for r in result["rows"])
            body = json.dumps({"document": result["document"], "rows": result["rows"], "year": None}, ensure_ascii=False)
            for fmt in ("xlsx", "csv", "json"):
                assert http.post(f"/api/download/{fmt}", content=body.encode()).status_code == 200
            bad = http.post("/api/parse/file", content=("\x00" + marker_file * 50).encode(), headers={"X-Filename": "x.txt"})
            assert bad.status_code == 400
            http.post("/api/parse/file", content=f"三月：{marker_file}".encode(), headers={"X-Filename": "y.txt"})
    log = log_path.read_text(encoding="utf-8")
    assert "http://127.0.0.1:" in log  # the log was captured: the address is announced in it
    for secret in (marker_text, marker_file, "青石镇", "三八"):
        assert secret not in log, log
    assert "POST /api" not in log  # no access log at all


def test_serve_opens_the_browser_on_its_address(tmp_path: Path) -> None:
    import sys
    import time

    opened = tmp_path / "opened.txt"
    script = tmp_path / "browser.py"
    script.write_text(f"import sys, pathlib\npathlib.Path({str(opened)!r}).write_text(sys.argv[1])\n", encoding="utf-8")
    # webbrowser runs $BROWSER with the URL in place of %s
    with running_server(tmp_path / "serve.log", browser=f"{sys.executable} {script} %s") as url:
        deadline = time.monotonic() + 20
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert opened.read_text(encoding="utf-8") == url


def test_the_server_listens_on_this_machine_only() -> None:
    from planparse.web.server import bind

    first = bind(0)
    try:
        host, port = first.getsockname()
        assert host == "127.0.0.1" and port > 0
        first.listen()
        second = bind(port)  # the port is taken: another free one on 127.0.0.1
        try:
            assert second.getsockname()[0] == "127.0.0.1" and second.getsockname()[1] != port
        finally:
            second.close()
    finally:
        first.close()


def test_serve_help_says_what_it_does() -> None:
    from click.testing import CliRunner

    from planparse.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "127.0.0.1" in result.output and "--no-browser" in result.output
